// Sign-in end to end in the real extension host against the fake Heroku: the three token sources
// (SecretStorage through "Heroku: Sign In", ~/.netrc, HEROKU_API_KEY), a wrong key's clear message, sign-out,
// Show Account, and the token never reaching the extension's log (hooked lines and the log file on disk).
import * as assert from 'node:assert';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { Services } from '../../src/vscode/services';
import demo from '../fixtures/heroku/demo.json';
import { useFakeHeroku } from '../support/use-fake-heroku';
import { waitFor } from '../support/wait';
import { useExtension } from './extension';

const WRONG = 'HRKU-this-key-is-wrong-0123456789';

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

describe('auth: sign-in, token sources and sign-out in VS Code', function () {
  this.timeout(60_000);
  const heroku = useFakeHeroku();
  const ext = useExtension(heroku, { signedIn: false });
  let services: Services;
  let KEY: string;
  const logged: string[] = [];
  const home = process.env.HOME ?? '';
  const netrc = join(home, '.netrc');
  const savedEnvKey = process.env.HEROKU_API_KEY;

  before(async () => {
    services = ext.services;
    KEY = heroku.apiKey;
    // Hook the LogOutputChannel: every line the extension logs, after redaction.
    const ch = services.log.channel as unknown as Record<string, (m: string, ...a: unknown[]) => void>;
    for (const level of ['trace', 'debug', 'info', 'warn', 'error', 'appendLine']) {
      const orig = ch[level].bind(ch);
      ch[level] = (m: string, ...a: unknown[]) => { logged.push(String(m)); orig(m, ...a); };
    }
    delete process.env.HEROKU_API_KEY;
    if (existsSync(netrc)) rmSync(netrc);
    await vscode.commands.executeCommand('heroku.signOut');
  });

  after(() => {
    if (existsSync(netrc)) rmSync(netrc);
    if (savedEnvKey === undefined) delete process.env.HEROKU_API_KEY; else process.env.HEROKU_API_KEY = savedEnvKey;
  });

  it('starts signed out when no source has a token', async () => {
    const state = await services.heroku.refresh();
    assert.strictEqual(state.signedIn, false);
    assert.strictEqual(services.heroku.getClient(), undefined);
  });

  it('a wrong key gives a clear 401 message and stores nothing', async () => {
    ext.ui([WRONG]);
    const before = logged.length;
    await vscode.commands.executeCommand('heroku.signIn');
    const lines = logged.slice(before).join('\n');
    assert.match(lines, /Heroku rejected this API key \(401\)/);
    assert.strictEqual(services.heroku.state.signedIn, false);
    assert.strictEqual(await services.context.secrets.get('heroku.apiKey'), undefined);
  });

  it('signs in through the command: password input box, GET /account, stored in SecretStorage', async () => {
    const ui = ext.ui([KEY]);
    const sinceCount = (await heroku.control.requests()).length;
    const message = await vscode.commands.executeCommand<string>('heroku.signIn');
    assert.match(message ?? '', /^Signed in to Heroku as dana@example\.com\./);
    assert.strictEqual(ui.prompts[0]?.password, true, 'the key is typed into a password box');
    const calls = (await heroku.control.requests()).slice(sinceCount).filter((r) => r.path === '/account');
    assert.deepStrictEqual(calls.map((r) => [r.method, r.status]), [['GET', 200]]);
    assert.strictEqual(services.heroku.state.source, 'secret');
    assert.ok(services.heroku.getClient(), 'a client is ready for the explorer');
    assert.strictEqual(await services.context.secrets.get('heroku.apiKey'), KEY);
  });

  it('shows the account: email, token source, two-factor, API URL', async () => {
    const text = await vscode.commands.executeCommand<string>('heroku.showAccount');
    assert.match(text ?? '', /Account: dana@example\.com/);
    assert.match(text ?? '', /Token from: VS Code secret storage/);
    assert.match(text ?? '', /Two-factor authentication: on/);
    assert.ok((text ?? '').includes(`API: ${heroku.url}`));
  });

  it('the status bar shows the workspace app with its current release and dyno health', async () => {
    const app = process.env.HW_TEST_APP ?? '';
    assert.ok(app, 'the runner gives the workspace a heroku remote');
    const view = await vscode.commands.executeCommand<{ text: string; tooltip: string; severity: string }>('heroku.statusBar.refresh');
    assert.ok(view, 'the status bar found the workspace app');
    assert.match(view.text, new RegExp(`^\\$\\([a-z~-]+\\) ${app} · v\\d+ · (\\d+/\\d+ up|no dynos)$`));
    assert.match(view.tooltip, /Current release: v\d+/);
    assert.match(view.tooltip, /API rate limit remaining: \d+/);
  });

  it('asks for the two-factor code through the command ui and retries the action with it', async () => {
    const ui = ext.ui([demo.account.two_factor_code]);
    const client = services.heroku.getClient();
    assert.ok(client);
    const r = await client.restartType('acme-web-production', 'web');
    assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
    assert.match(String(ui.prompts[0]?.prompt), /DELETE \/apps\/acme-web-production\/formations\/web needs a two-factor code/);
    const restarts = (await heroku.control.requests()).filter((q) => q.method === 'DELETE' && q.path === '/apps/acme-web-production/formations/web');
    const statuses = restarts.map((q) => q.status);
    assert.ok(statuses.length === 2 && statuses[0] === 403 && statuses[1] >= 200 && statuses[1] < 300, `statuses ${statuses.join(', ')}`);
  });

  it('signs out: the stored key is removed', async () => {
    const message = await vscode.commands.executeCommand<string>('heroku.signOut');
    assert.match(message ?? '', /stored API key was removed/);
    assert.strictEqual(services.heroku.state.signedIn, false);
    assert.strictEqual(await services.context.secrets.get('heroku.apiKey'), undefined);
  });

  it('uses ~/.netrc (machine api.heroku.com), and sign-out says it cannot remove it', async () => {
    writeFileSync(netrc, `# heroku login\nmachine api.heroku.com\n  login dana@example.com\n  password ${KEY}\nmachine git.heroku.com login dana@example.com password ${KEY}\n`, { mode: 0o600 });
    const text = await vscode.commands.executeCommand<string>('heroku.showAccount');
    assert.match(text ?? '', /Token from: the Heroku CLI login in ~\/\.netrc/);
    assert.strictEqual(services.heroku.state.source, 'netrc');
    const out = await vscode.commands.executeCommand<string>('heroku.signOut');
    assert.match(out ?? '', /Still signed in: the token comes from .*\.netrc.*heroku logout/);
    rmSync(netrc);
    assert.strictEqual((await services.heroku.refresh()).signedIn, false);
  });

  it('HEROKU_API_KEY wins over every other source and cannot be signed out here', async () => {
    process.env.HEROKU_API_KEY = KEY;
    try {
      assert.strictEqual((await services.heroku.refresh()).source, 'env');
      const client = services.heroku.getClient();
      assert.ok(client);
      const apps = await client.apps();
      assert.ok(apps.ok && apps.value.length > 0);
      const out = await vscode.commands.executeCommand<string>('heroku.signOut');
      assert.match(out ?? '', /HEROKU_API_KEY environment variable, which cannot be removed here/);
    } finally {
      delete process.env.HEROKU_API_KEY;
      await services.heroku.refresh();
    }
  });

  it('a revoked token (401 on a call) offers to sign in again', async () => {
    process.env.HEROKU_API_KEY = WRONG;
    try {
      const ui = ext.ui([]);
      assert.strictEqual((await services.heroku.refresh()).source, 'env');
      const r = await services.heroku.getClient()?.apps();
      assert.ok(r && !r.ok && r.error.status === 401);
      assert.deepStrictEqual(ui.warnings, ['Heroku rejected the API key (from HEROKU_API_KEY) (401). It may have been revoked or expired.']);
    } finally {
      delete process.env.HEROKU_API_KEY;
      await services.heroku.refresh();
    }
  });

  it('never writes the token (or the wrong key) to the extension log', async () => {
    assert.ok(logged.length > 5, `hooked ${logged.length} log lines`);
    for (const secret of [KEY, WRONG]) {
      assert.ok(!logged.some((l) => l.includes(secret)), 'a hooked log line holds a key');
    }
    // The channel's file on disk, once flushed.
    const logDir = services.context.logUri.fsPath;
    const readLog = () => filesUnder(join(logDir, '..')).filter((f) => f.endsWith('.log')).map((f) => readFileSync(f, 'utf8')).join('\n');
    const text = await waitFor(`the sign-in lines in the log file under ${logDir}`, () => {
      const t = readLog();
      return t.includes('signed in (token from') ? t : undefined;
    });
    assert.ok(!text.includes(KEY) && !text.includes(WRONG), 'a key reached the log file');
  });
});
