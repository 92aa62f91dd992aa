// What the extension does with the API budget and with secrets, in the real extension host against the fake
// Heroku: one warning per drop of the rate limit, and neither the token nor a config value in the extension's log.
import * as assert from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { FIRST } from '../support/test-user-input';
import { useFakeHeroku } from '../support/use-fake-heroku';
import { waitUntil } from '../support/wait';
import { useExtension } from './extension';
import { walk } from './tree';

const STAGING = 'acme-web-staging';

describe('explorer: the API budget and secrets', function () {
  this.timeout(90_000);
  const heroku = useFakeHeroku();
  const ext = useExtension(heroku);

  it('warns once when the API rate limit runs low, and again after it recovered and dropped', async () => {
    const ui = ext.ui();
    const warnings = () => ui.warnings.filter((q) => /^The Heroku API rate limit is running low/.test(q)).length;
    const spend = async () => { await vscode.commands.executeCommand('heroku.explorer.refresh'); await walk('All apps', 'acme'); };
    await heroku.control.setRateLimit(250);
    await spend();
    await waitUntil('a low rate-limit warning', () => warnings() === 1);
    await spend();
    await walk('All apps', 'acme', STAGING, 'Dynos');
    assert.strictEqual(warnings(), 1, 'not repeated on every request');
    await heroku.control.setRateLimit(4000);
    await spend();
    await heroku.control.setRateLimit(120);
    await spend();
    await waitUntil('warned again after it recovered and dropped', () => warnings() === 2);
    assert.match(ui.warnings[0] ?? '', /\d+ of 4,500 requests left/);
  });

  it('never writes the token or a config value to the extension log', async () => {
    const { kids } = await walk('All apps', 'acme', STAGING, 'Config Vars');
    await vscode.commands.executeCommand('heroku.configVar.reveal', kids[0]);
    try {
      await scaleAndCheckLog();
    } finally {
      await vscode.commands.executeCommand('heroku.configVar.hide', kids[0]); // the tree's reveal outlives the test
    }
  });

  async function scaleAndCheckLog(): Promise<void> {
    const worker = (await walk('All apps', 'acme', STAGING, 'Formation')).kids.find((k) => k.label === 'worker');
    ext.ui(['2', FIRST, 'Scale']);
    await vscode.commands.executeCommand('heroku.formation.scale', worker);
    const secrets = [heroku.apiKey, ...Object.values((await heroku.control.state()).configVars).flatMap((c) => Object.values(c))].filter((s) => s.length >= 6);
    const logDir = ext.services.context.logUri.fsPath;
    const readLog = () => (existsSync(logDir) ? readdirSync(logDir).map((f) => join(logDir, f)).filter((f) => statSync(f).isFile()) : [])
      .map((f) => readFileSync(f, 'utf8')).join('\n');
    // Random-looking values are masked wherever they appear; a plain word such as "staging" only where it stands
    // alone, so app names like acme-web-staging stay readable (src/core/redact.ts).
    await waitUntil('the scale is in the log file', () => readLog().includes(`Scaled worker of ${STAGING}`));
    const text = readLog();
    const escape = (v: string) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const s of secrets) {
      const plainWord = /^[A-Za-z][A-Za-z_-]{0,15}$/.test(s);
      const leaked = plainWord ? new RegExp(`(^|[^A-Za-z0-9_.-])${escape(s)}($|[^A-Za-z0-9_.-])`).test(text) : text.includes(s);
      assert.ok(!leaked, `a secret (${s.length} chars) is in the log`);
    }
  }
});
