// Pull config to .env and push .env to an app in the real extension host against the fake Heroku: a pull keeps
// the file's comments and local keys and writes only after a yes; a push sets only the file's keys.
import * as assert from 'node:assert';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { envToMap, parseEnv } from '../../src/core/env/parse';
import { useFakeHeroku } from '../support/use-fake-heroku';
import { useExtension } from './extension';
import { walk } from './tree';

describe('explorer: .env pull and push', function () {
  this.timeout(90_000);
  const heroku = useFakeHeroku();
  const ext = useExtension(heroku);
  const envFile = join(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '', '.env');
  let saved: string | undefined;
  before(() => { saved = existsSync(envFile) ? readFileSync(envFile, 'utf8') : undefined; });
  after(() => { if (saved === undefined) rmSync(envFile, { force: true }); else writeFileSync(envFile, saved); });

  it('pull writes a .env that matches the app config, keeping comments and local keys', async () => {
    writeFileSync(envFile, '# local settings\nexport PORT=5006\nNODE_ENV=stale\n');
    const ui = ext.ui(['Write']);
    const { node } = await walk('This workspace', ext.app);
    await vscode.commands.executeCommand('heroku.config.pull', node);
    const text = readFileSync(envFile, 'utf8');
    assert.ok(text.startsWith('# local settings\nexport PORT=5006\n'), text.split('\n')[0]);
    const config = (await heroku.control.state()).configVars[await heroku.control.appId(ext.app)];
    const written = envToMap(parseEnv(text));
    for (const [k, v] of Object.entries(config)) assert.strictEqual(written.get(k), v, k);
    assert.ok(ui.asked.some((q) => q.startsWith('warn: Write')), 'asked before writing');
  });

  it('pull writes nothing when the answer is no', async () => {
    writeFileSync(envFile, 'NODE_ENV=mine\n');
    const ui = ext.ui([undefined]);
    await vscode.commands.executeCommand('heroku.config.pull', ext.app);
    assert.ok(ui.asked.some((q) => q.startsWith('warn: Write')), ui.asked.join(' | '));
    assert.strictEqual(readFileSync(envFile, 'utf8'), 'NODE_ENV=mine\n');
  });

  it('push sets only the keys of the .env file on the app, after a yes', async () => {
    writeFileSync(envFile, '# to push\nPUSHED_KEY=from-env-file\n');
    const id = await heroku.control.appId('acme-web-staging');
    const before = (await heroku.control.state()).configVars[id];
    ext.ui(['Push']);
    await vscode.commands.executeCommand('heroku.config.push', 'acme-web-staging');
    assert.deepStrictEqual((await heroku.control.state()).configVars[id], { ...before, PUSHED_KEY: 'from-env-file' });
  });
});
