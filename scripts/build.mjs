// Builds the extension, the CLI and the integration tests with esbuild.
//   node scripts/build.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import { readdirSync, statSync, rmSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';

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
};

const builds = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', metafile: true },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

// Webview bundles: every webview/<name>/main.ts becomes media/<name>.js (browser, IIFE).
for (const entry of walk(join(root, 'webview'), (p) => p.endsWith('/main.ts'))) {
  const name = relative(join(root, 'webview'), entry).split('/')[0];
  builds.push({ ...common, platform: 'browser', format: 'iife', target: 'es2020', external: [],
    entryPoints: [relative(root, entry)], outfile: `media/${name}.js` });
}

// Integration tests run inside the real extension host: bundle each file, keep vscode and mocha external.
if (!production || process.argv.includes('--tests')) {
  const tests = walk(join(root, 'test/integration'), (p) => p.endsWith('.ts')).map((p) => relative(root, p));
  if (tests.length) {
    builds.push({ ...common, entryPoints: tests, outdir: 'out/test/integration', outbase: 'test/integration',
      external: ['vscode', 'mocha'], sourcemap: true, minify: false });
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
