// The extension as a user installs it: the .vsix that vsce packs with .vscodeignore (from the current build),
// installed into an empty extensions folder with code-server's own --install-extension, then, in the real
// extension host: it runs from the installed folder, signs in to the fake Heroku and lists its apps (dist/heroku.js,
// dist/axios.js), lints a folder for a deploy (dist/deploy-io.js with dist/manifest.js's linters), and every lazy
// bundle of scripts/bundles.mjs loads from the installed folder; the installed CLI lints and runs a Procfile (its
// dispatcher and both halves). A bundle the .vsix leaves out fails here, not only for users: the development-path tests load everything from the work tree.
import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cleanEnv } from '../../scripts/host/lib/code-server';
import { ensureHost, repoRoot } from '../../scripts/host/lib/host';
import { runInHost } from '../../scripts/host/lib/run-in-host';
import { copyShipped, packVsix } from '../../scripts/host/lib/snapshot';
import { makeTempRoot } from '../../scripts/host/lib/workspace';
import { startFakeHeroku } from '../support/fake-heroku';

// Runs in the extension host (extensionTestsPath): writes what it found to HW_OUT.
const PROBE = `const vscode = require('vscode');
const path = require('node:path');
const fs = require('node:fs');
exports.run = async () => {
  const out = {};
  try {
    const ext = vscode.extensions.getExtension('heroku-workflows.heroku-workflows');
    out.path = ext && ext.extensionPath;
    const api = await ext.activate();
    const s = api.services;
    await s.ready;
    const client = s.heroku.getClient();
    out.signedIn = !!client;
    const apps = client ? await client.apps() : undefined;
    out.apps = apps && apps.ok ? apps.value.map((a) => a.name) : String(apps && apps.message);
    const folder = path.join(process.env.HW_TMP, 'deploy-me');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'Procfile'), 'web: node index.js\\nweb: again\\n');
    fs.writeFileSync(path.join(folder, 'app.json'), '{"name": 3}');
    const lint = s.deployIo().preflight(folder);
    out.preflight = lint.files.map((f) => f.name + ':' + f.problems.map((p) => p.code).join(','));
    out.bundles = {};
    for (const name of JSON.parse(process.env.HW_BUNDLES)) {
      try { require(path.join(ext.extensionPath, 'dist', name + '.js')); out.bundles[name] = 'ok'; } catch (e) { out.bundles[name] = String(e.message); }
    }
  } catch (e) {
    out.error = String(e && e.stack || e);
  }
  fs.writeFileSync(process.env.HW_OUT, JSON.stringify(out));
};
`;

describe('e2e: the installed .vsix', function () {
  this.timeout(300_000);

  it('installs with code-server, runs from the installed folder, signs in and loads every bundle', async () => {
    const log = (s: string) => { if (process.env.HW_VERBOSE) process.stderr.write(`${s}\n`); };
    const lazy = Object.keys(((await import(pathToFileURL(join(repoRoot, 'scripts', 'bundles.mjs')).href)) as { lazyBundles: Record<string, string> }).lazyBundles);
    const host = ensureHost(log);
    const tmp = makeTempRoot('installed');
    const fake = await startFakeHeroku({ seed: 'demo' });
    try {
      const vsix = packVsix(copyShipped(join(tmp.dir, 'package')), join(tmp.dir, 'heroku-workflows.vsix'));
      const extensions = join(tmp.dir, 'extensions');
      mkdirSync(extensions, { recursive: true });
      const installed = spawnSync(host.node, [host.entry, '--install-extension', vsix, '--extensions-dir', extensions,
        '--user-data-dir', join(tmp.dir, 'user-data')], { env: { ...cleanEnv(), HOME: join(tmp.dir, 'home') } as NodeJS.ProcessEnv, encoding: 'utf8', timeout: 120_000 });
      assert.strictEqual(installed.status, 0, `--install-extension: ${installed.stdout}${installed.stderr}`);
      const dir = readdirSync(extensions).find((d) => d.startsWith('heroku-workflows.heroku-workflows-'));
      assert.ok(dir, `installed into ${readdirSync(extensions).join(', ')}`);
      assert.ok(!existsSync(join(extensions, dir, 'src')), 'no sources in the installed extension');

      // The CLI as shipped: its dispatcher and both halves (scripts/bundles.mjs cliBundles) run from the installed folder.
      const cli = join(extensions, dir, 'dist', 'cli.js');
      const project = join(tmp.dir, 'cli-project');
      mkdirSync(project, { recursive: true });
      writeFileSync(join(project, 'Procfile'), 'hello: echo hi from $DYNO\nhello: echo again\n');
      const cliRun = (args: string[]) => spawnSync(host.node, [cli, ...args], { cwd: project, env: { ...cleanEnv(), NO_COLOR: '1' } as NodeJS.ProcessEnv, encoding: 'utf8', timeout: 30_000 });
      const lint = cliRun(['lint', '--format', 'json', 'Procfile']);
      assert.match(lint.stdout, /procfile\/duplicate/, `lint: ${lint.stdout}${lint.stderr}`);
      writeFileSync(join(project, 'Procfile'), 'hello: echo hi from $DYNO\n');
      const local = cliRun(['local']);
      assert.strictEqual(local.status, 0, `local: ${local.stdout}${local.stderr}`);
      assert.match(local.stdout, /^\d\d:\d\d:\d\d hello\.1 +\| hi from hello\.1$/m);

      // The folder under development is an empty extension: what runs is the installed one.
      const dev = join(tmp.dir, 'probe-extension');
      mkdirSync(dev, { recursive: true });
      writeFileSync(join(dev, 'package.json'), JSON.stringify({ name: 'probe', publisher: 'test', version: '0.0.0', engines: { vscode: '^1.90.0' } }));
      writeFileSync(join(tmp.dir, 'probe.js'), PROBE);
      const folder = join(tmp.dir, 'workspace');
      mkdirSync(folder, { recursive: true });
      const out = join(tmp.dir, 'probe.json');
      const code = await runInHost({ host, tmp: tmp.dir, folder, developmentPath: dev, testsPath: join(tmp.dir, 'probe.js'), extensionsDir: extensions,
        timeoutMs: 180_000, log, env: { HEROKU_API_KEY: fake.apiKey, HEROKU_API_URL: fake.url, HW_OUT: out, HW_TMP: tmp.dir, HW_BUNDLES: JSON.stringify(lazy) } });
      assert.strictEqual(code, 0, 'the probe ran');
      const r = JSON.parse(readFileSync(out, 'utf8')) as { path?: string; signedIn?: boolean; apps?: string[] | string; preflight?: string[]; bundles?: Record<string, string>; error?: string };
      assert.strictEqual(r.error, undefined);
      assert.strictEqual(r.path, join(extensions, dir));
      assert.strictEqual(r.signedIn, true);
      assert.ok(Array.isArray(r.apps) && r.apps.includes('dana-blog'), `apps: ${JSON.stringify(r.apps)}`);
      assert.match(r.preflight?.find((f) => f.startsWith('Procfile:')) ?? '', /procfile\/duplicate/);
      assert.match(r.preflight?.find((f) => f.startsWith('app.json:')) ?? '', /appjson\//);
      assert.deepStrictEqual(r.bundles, Object.fromEntries(lazy.map((n) => [n, 'ok'])));
    } finally {
      await fake.close();
      tmp.remove();
    }
  });
});
