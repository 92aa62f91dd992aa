// The extension's CommonJS bundles in dist/ besides dist/extension.js (the entry), dist/axios.js and dist/cli.js:
// scripts/build.mjs builds them, test/unit/scripts/vsix-files.test.ts checks the .vsix ships them.
// Heavy, rarely needed code lives in separate CommonJS bundles next to dist/extension.js, loaded with a plain
// `require('./<name>.js')` on first use (esbuild would inline a dynamic import() into one CJS file).
// Add one entry per bundle; .vscodeignore ships dist/*.js (test/unit/scripts/vsix-files.test.ts checks the .vsix has
// each, from vsce's own listing).
export const lazyBundles = {
  main: 'src/vscode/compose.ts', // the composition root: every feature's registration (src/extension.ts defers it a tick)
  manifest: 'src/vscode/manifest/lazy.ts', // every linter (yaml, the schemas; ajv-free) and heroku.yml help: the manifest feature and the deploy preflight
  explorer: 'src/vscode/explorer/register.ts', // the tree, its commands and .env sync
  heroku: 'src/infra/heroku/client.ts', // the Platform API client and its decoders, with the first sign-in (compose.ts)
  pipeline: 'src/vscode/pipeline/register.ts', // the Pipelines view, the diagram and release timeline panels
  'deploy-io': 'src/infra/deploy/io.ts', // its Node side (tar, ignore, upload, rendezvous TLS), built by compose.ts on first use
  deploy: 'src/vscode/deploy/lazy.ts', // deploy (pack, upload, build, release) and one-off dynos (rendezvous terminal)
  logstream: 'src/infra/logstream/tailer.ts', // log tails' Node side (logplex sessions, streams, reconnects), built by compose.ts on first use
  logs: 'src/vscode/logs/lazy.ts', // log tails in output channels, their status bar item and filters
  'local-io': 'src/infra/process/local-io.ts', // the local runner's supervisor (process groups, watchdog), built by compose.ts
  local: 'src/vscode/local/lazy.ts', // the local runner: its session, one terminal per process, task terminals
};

// The CLI, dist/cli.js (the package's bin), is the dispatcher of src/cli/run.ts; the two modules it requires there are
// bundles of their own, so `local`, which should start its processes soon, does not parse the API client, deploy and
// the linters, and those do not parse the runner. `from`: the specifier src/cli/run.ts requires.
export const cliBundles = {
  'cli-local': { entry: 'src/cli/local/index.ts', from: './local/index' },
  'cli-commands': { entry: 'src/cli/commands.ts', from: './commands' },
};
