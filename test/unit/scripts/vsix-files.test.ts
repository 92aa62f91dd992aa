// What the .vsix ships, from vsce's own listing (its .vscodeignore rules, not a re-implementation of them) over a
// stand-in of the built tree: every bundle the extension loads (the entry, dist/axios.js, the CLI and its halves, and
// each lazy bundle of scripts/bundles.mjs, which is also every `require('./<name>.js')` in src/), the webview's
// assets, and no source map. A bundle left out would load in development and fail only once installed.
import * as assert from 'node:assert';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(__dirname, '..', '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('the .vsix file list', function () {
  this.timeout(30_000);
  let tmp: string;
  let listed: string[];
  let lazy: string[];
  let cli: string[];
  let cliFrom: string[];

  before(async () => {
    const bundles = pathToFileURL(join(root, 'scripts', 'bundles.mjs')).href;
    const b = (await import(bundles)) as { lazyBundles: Record<string, string>; cliBundles: Record<string, { from: string }> };
    lazy = Object.keys(b.lazyBundles);
    cli = Object.keys(b.cliBundles);
    cliFrom = Object.values(b.cliBundles).map((c) => c.from);
    tmp = mkdtempSync(join(tmpdir(), 'hw-vsix-list-'));
    for (const f of ['package.json', '.vscodeignore', 'README.md', 'LICENSE', 'CHANGELOG.md']) copyFileSync(join(root, f), join(tmp, f));
    const touch = (rel: string) => { mkdirSync(dirname(join(tmp, rel)), { recursive: true }); writeFileSync(join(tmp, rel), ''); };
    for (const name of ['extension', 'axios', 'cli', ...cli, ...lazy]) { touch(`dist/${name}.js`); touch(`dist/${name}.js.map`); }
    for (const f of ['pipeline.js', 'pipeline.js.map', 'pipeline.css', 'icon.png']) touch(`media/${f}`);
    touch('src/extension.ts');
    touch('test/unit/x.test.ts');
    const vsce = require('@vscode/vsce') as { listFiles(o: { cwd: string; packageManager: number }): Promise<string[]>; PackageManager: { None: number } };
    listed = (await vsce.listFiles({ cwd: tmp, packageManager: vsce.PackageManager.None })).map((f) => f.replace(/\\/g, '/'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('every lazily required bundle in src/ is one scripts/build.mjs builds', () => {
    const required = new Set<string>();
    for (const f of sourceFiles(join(root, 'src'))) for (const m of readFileSync(f, 'utf8').matchAll(/require\('\.\/([a-z0-9-]+)\.js'\)/g)) required.add(m[1]);
    assert.ok(required.size >= 5, `found ${[...required].join(', ')}`);
    assert.deepStrictEqual([...required].filter((n) => !lazy.includes(n)), []);
  });

  it("the CLI's dispatcher requires each of its halves by the specifier the build keeps out of dist/cli.js", () => {
    // Else the build would inline that half into dist/cli.js: everything would still run, only slower to start.
    const run = readFileSync(join(root, 'src', 'cli', 'run.ts'), 'utf8');
    assert.deepStrictEqual(cliFrom.filter((from) => !run.includes(`require('${from}')`)), []);
  });

  it('ships every bundle, and the package.json main and bin', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string; bin: Record<string, string> };
    const want = ['extension', 'axios', 'cli', ...cli, ...lazy].map((n) => `dist/${n}.js`);
    assert.ok(cli.length >= 2, `the CLI's bundles: ${cli.join(', ')}`);
    assert.deepStrictEqual(want.filter((f) => !listed.includes(f)), [], `listed: ${listed.join(', ')}`);
    for (const p of [pkg.main, ...Object.values(pkg.bin)]) assert.ok(listed.includes(p.replace(/^\.\//, '')), `${p} ships`);
  });

  it('ships the webview assets, and no source map, source or test', () => {
    for (const f of ['media/pipeline.js', 'media/pipeline.css', 'media/icon.png']) assert.ok(listed.includes(f), `${f} ships`);
    assert.deepStrictEqual(listed.filter((f) => f.endsWith('.map') || f.startsWith('src/') || f.startsWith('test/')), []);
  });
});
