// @ts-check
// The layering map of docs/ARCHITECTURE.md, enforced by folder with no-restricted-imports (typescript-eslint's,
// which can let `import type` through where a rule says so):
//   src/core      nothing of infra, vscode, cli or Node I/O (path is fine); time only through the Clock port
//   src/infra     never vscode (not even types) nor the vscode layer or the CLI
//   src/vscode    no infra at run time (types only) except the composition root, compose.ts
//   src/cli       never vscode nor the vscode layer
//   src/shared    imports nothing;  webview/  imports only src/shared
//   everything else (tests, scripts, bench): vscode as a type only, but in test/integration
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const RULE = '@typescript-eslint/no-restricted-imports';

/** `vscode` only as `import type` (only src/extension.ts and src/vscode/** load it at run time). */
const vscodeTypesOnly = {
  name: 'vscode',
  allowTypeImports: true,
  message: 'Only src/extension.ts and src/vscode/** may import vscode at run time (use `import type`).',
};
const noVscodeAtAll = { name: 'vscode', message: 'This layer never depends on vscode, not even for types.' };

/** Node modules that do I/O (files, processes, network, the machine): core takes ports for these instead. */
const NODE_IO = ['fs', 'fs/promises', 'child_process', 'net', 'http', 'https', 'http2', 'tls', 'dgram', 'dns', 'os',
  'readline', 'worker_threads', 'cluster', 'inspector', 'v8', 'vm', 'axios'];
const nodeIo = NODE_IO.flatMap((m) => [m, `node:${m}`]).map((name) => ({
  name, message: 'src/core does no I/O: declare a port in src/core/heroku/ports.ts and implement it in src/infra.',
}));

/** A restricted-imports config: exact module names and folder patterns. */
const restrict = (paths, patterns = []) => ['error', { paths, patterns }];
const folder = (glob, message, allowTypeImports = false) => ({ group: [glob].flat(), message, allowTypeImports });

const coreRule = restrict([noVscodeAtAll, ...nodeIo], [
  folder('**/infra/**', 'src/core never imports src/infra: depend on a port (src/core/heroku/api.ts, ports.ts).'),
  folder('**/vscode/**', 'src/core never imports the vscode layer.'),
  folder('**/cli/**', 'src/core never imports the CLI.'),
]);

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'media/**', '.vscode-test/**', 'src/core/appjson/generated/**', '**/*.generated.*'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
      [RULE]: restrict([vscodeTypesOnly]),
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      [RULE]: coreRule,
      'no-restricted-globals': ['error',
        ...['setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval'].map((name) => ({ name, message: 'core reads time only through the Clock port (src/core/heroku/ports.ts).' })),
        { name: 'process', message: 'core reads no environment: the composition root passes what it needs.' }],
      'no-restricted-properties': ['error',
        { object: 'Date', property: 'now', message: 'core reads time only through the Clock port.' },
        { object: 'performance', property: 'now', message: 'core reads time only through the Clock port.' }],
    },
  },
  // The two linters share core/lint; across each other only through the other's public entry (index.ts).
  {
    files: ['src/core/herokuyml/**/*.ts'],
    rules: { [RULE]: restrict(coreRule[1].paths, [...coreRule[1].patterns, folder(['../appjson/*', '!../appjson/index'], 'Import app.json\'s public entry (../appjson/index), not its internals.')]) },
  },
  {
    files: ['src/core/appjson/**/*.ts'],
    rules: { [RULE]: restrict(coreRule[1].paths, [...coreRule[1].patterns, folder(['../herokuyml/*', '!../herokuyml/index'], 'Import heroku.yml\'s public entry (../herokuyml/index), not its internals.')]) },
  },
  {
    files: ['src/infra/**/*.ts'],
    rules: {
      [RULE]: restrict([noVscodeAtAll], [
        folder('**/vscode/**', 'src/infra never imports the vscode layer.'),
        folder('**/cli/**', 'src/infra never imports the CLI.'),
      ]),
    },
  },
  {
    files: ['src/vscode/**/*.ts'],
    ignores: ['src/vscode/compose.ts'],
    rules: {
      [RULE]: restrict([], [folder('**/infra/**', 'Only the composition root (src/vscode/compose.ts) uses src/infra: take the port from Services.', true)]),
    },
  },
  { files: ['src/extension.ts', 'src/vscode/compose.ts', 'test/integration/**/*.ts'], rules: { [RULE]: 'off' } },
  {
    files: ['src/cli/**/*.ts'],
    rules: { [RULE]: restrict([noVscodeAtAll], [folder('**/vscode/**', 'The CLI never imports the vscode layer.')]) },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: { [RULE]: ['error', { patterns: [{ regex: '^(?![.]/)', message: 'src/shared (the extension <-> webview messages) imports only itself.' }] }] },
  },
  {
    files: ['webview/**/*.ts'],
    rules: {
      [RULE]: ['error', { patterns: [
        { regex: '^(?!\\.)', message: 'webview/ runs in the browser: no packages, no Node, no vscode; only src/shared.' },
        { regex: '/src/(?!shared/)', message: 'webview/ imports only src/shared.' },
      ] }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly', Buffer: 'readonly', window: 'readonly', document: 'readonly', setInterval: 'readonly', clearInterval: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
