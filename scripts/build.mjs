// Builds the extension, the CLI and the integration tests with esbuild.
//   node scripts/build.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import { readdirSync, statSync, rmSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { cliBundles, lazyBundles } from './bundles.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const root = new URL('..', import.meta.url).pathname;

function walk(dir, pred) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p, pred) : pred(p) ? [p] : [];
  });
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  absWorkingDir: root,
  external: ['vscode'],
  // Prefer ES module builds: jsonc-parser's "main" is a UMD bundle whose require() calls esbuild cannot follow
  // ("Cannot find module './impl/format'" at run time); its "module" build bundles cleanly.
  mainFields: ['module', 'main'],
  // axios' Node build pulls form-data (-> mime-types -> mime-db, 137 KB, get-intrinsic & co.) for multipart bodies
  // we never send, and `debug` for DEBUG=... logging of follow-redirects/https-proxy-agent: see scripts/shims/.
  alias: { 'form-data': './scripts/shims/form-data.cjs', debug: './scripts/shims/debug.cjs' },
  plugins: [{
    // axios' fetch adapter is never chosen in Node (http comes first) but probes fetch globals on load.
    name: 'axios-no-fetch-adapter',
    setup(build) {
      // transport.ts require()s axios lazily; the "require" condition of axios' exports would pick its prebuilt
      // CJS file (fetch adapter and all): use the ES module sources as an import would.
      build.onResolve({ filter: /^axios$/ }, () => ({ path: join(root, 'node_modules/axios/index.js') }));
      build.onResolve({ filter: /^\.\/fetch\.js$/ }, (args) =>
        /[\\/]axios[\\/]lib[\\/]adapters$/.test(args.resolveDir) ? { path: join(root, 'scripts/shims/axios-fetch-adapter.mjs') } : undefined);
    },
  }],
};

// Heavy, rarely needed code lives in separate CommonJS bundles next to dist/extension.js (scripts/bundles.mjs).

// axios (~95 KB with follow-redirects and the proxy agents) is its own bundle, dist/axios.js: the extension and the
// explorer require it with the first Heroku client (src/infra/heroku/transport.ts loads it lazily), so activation
// does not parse it. Other builds (CLI, tests) keep it inline.
const lazyAxios = {
  name: 'lazy-axios',
  setup(build) {
    build.onResolve({ filter: /^axios$/ }, (args) => (args.kind === 'require-call' ? { path: './axios.js', external: true } : undefined));
  },
};
// The CLI's dispatcher requires its two halves at run time (scripts/bundles.mjs cliBundles).
const cliSplit = {
  name: 'cli-split',
  setup(build) {
    for (const [name, { from }] of Object.entries(cliBundles)) {
      const filter = new RegExp(`^${from.replace(/[./]/g, (c) => `\\${c}`)}$`);
      build.onResolve({ filter }, (args) => (/[\\/]src[\\/]cli$/.test(args.resolveDir) ? { path: `./${name}.js`, external: true } : undefined));
    }
  },
};
// Bundles in dist/ require each other by `./<name>.js`: external in every one of them.
const lazyExternals = Object.keys(lazyBundles).map((n) => `./${n}.js`);
const inDist = (build) => ({ ...build, external: [...common.external, ...lazyExternals], plugins: [lazyAxios, ...common.plugins] });

const builds = [
  inDist({ ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', metafile: true }),
  ...Object.entries(lazyBundles).map(([name, entry]) => inDist({ ...common, entryPoints: [entry], outfile: `dist/${name}.js`, metafile: true })),
  { ...common, entryPoints: ['axios'], outfile: 'dist/axios.js', metafile: true },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [cliSplit, ...common.plugins] },
  ...Object.entries(cliBundles).map(([name, { entry }]) => ({ ...common, entryPoints: [entry], outfile: `dist/${name}.js` })),
];

// Webview bundles: every webview/<name>/main.ts becomes media/<name>.js (browser, IIFE).
for (const entry of walk(join(root, 'webview'), (p) => p.endsWith('/main.ts'))) {
  const name = relative(join(root, 'webview'), entry).split('/')[0];
  builds.push({ ...common, platform: 'browser', format: 'iife', target: 'es2020', external: [],
    entryPoints: [relative(root, entry)], outfile: `media/${name}.js` });
}

// Integration tests run inside the real extension host: bundle each file, keep vscode and mocha external (and
// ssh2, which the fake Heroku's Fir tunnel needs, with its optional native parts: loaded from node_modules).
if (!production || process.argv.includes('--tests')) {
  const tests = walk(join(root, 'test/integration'), (p) => p.endsWith('.ts')).map((p) => relative(root, p));
  if (tests.length) {
    builds.push({ ...common, entryPoints: tests, outdir: 'out/test/integration', outbase: 'test/integration',
      external: ['vscode', 'mocha', 'ssh2'], sourcemap: true, minify: false });
  }
}

if (!watch) rmSync(join(root, 'out'), { recursive: true, force: true });
if (watch) {
  const ctxs = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(ctxs.map((c) => c.watch()));
  console.log('[build] watching');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
