// Restricted Mode: Workspace Trust on and the folder not trusted. Registered only in the integration runner's
// second pass (scripts/host/integration.ts sets HW_TEST_UNTRUSTED=1 there), whose folder brings a .env and a
// .vscode/settings.json that points heroku.apiUrl elsewhere, and whose user settings point it at the fake.
import * as assert from 'node:assert';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { name, publisher } from '../../package.json';
import type { UserInput } from '../../src/vscode/commands';
import type { Services } from '../../src/vscode/services';
import { waitFor } from '../support/wait';

const FAKE = process.env.HW_FAKE_HEROKU_URL ?? '';
const KEY = process.env.HW_FAKE_HEROKU_KEY ?? '';

/** Records warnings and answers every prompt with nothing. */
class RecordingUi implements UserInput {
  readonly warnings: string[] = [];
  showInputBox(): Promise<string | undefined> { return Promise.resolve(undefined); }
  showQuickPick<T extends vscode.QuickPickItem>(): Promise<T | undefined> { return Promise.resolve(undefined); }
  showWarningMessage(m: string): Promise<string | undefined> { this.warnings.push(m); return Promise.resolve(undefined); }
  showInformationMessage(): Promise<string | undefined> { return Promise.resolve(undefined); }
}

async function configVars(): Promise<unknown> {
  const res = await fetch(`${FAKE}/__fake/state`, { headers: { Authorization: `Bearer ${KEY}` } });
  assert.strictEqual(res.status, 200, 'fake state readable');
  return ((await res.json()) as { configVars: unknown }).configVars;
}

if (process.env.HW_TEST_UNTRUSTED === '1') {
  describe('workspace trust: Restricted Mode', function () {
    this.timeout(60_000);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
    let services: Services;

    before(async () => {
      assert.ok(FAKE && KEY, 'HW_FAKE_HEROKU_URL and HW_FAKE_HEROKU_KEY are set by the runner');
      const api = (await vscode.extensions.getExtension(`${publisher}.${name}`)?.activate()) as { services: Services };
      services = api.services;
      await services.ready;
    });

    it('runs in an untrusted folder', () => {
      assert.strictEqual(vscode.workspace.isTrusted, false);
    });

    it('still lints: a Procfile gets its diagnostics', async () => {
      const dir = join(folder, 'restricted');
      mkdirSync(dir, { recursive: true });
      const file = join(dir, 'Procfile');
      writeFileSync(file, 'web: bundle exec rails s -p 3000\n');
      const uri = vscode.Uri.file(file);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const codes = await waitFor('the fixed-port diagnostic', () => {
        const ds = vscode.languages.getDiagnostics(uri).map((d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code)));
        return ds.includes('procfile/fixed-port') ? ds : undefined;
      });
      assert.deepStrictEqual(codes, ['procfile/fixed-port']);
    });

    it('Push .env to App refuses, says why and how to trust, and sends nothing', async () => {
      const before = await configVars();
      const ui = new RecordingUi();
      const original = services.commands.ui;
      services.commands.ui = ui;
      try {
        await vscode.commands.executeCommand('heroku.config.push', vscode.Uri.file(join(folder, '.env')));
      } finally {
        services.commands.ui = original;
      }
      assert.strictEqual(ui.warnings.length, 1, ui.warnings.join('\n'));
      assert.match(ui.warnings[0], /^Push \.env to App is off in Restricted Mode: it sends the values of a \.env file in this workspace to a Heroku app, and this workspace is not trusted\. .*Manage Workspace Trust/);
      assert.deepStrictEqual(await configVars(), before);
    });

    it('Run Procfile Locally refuses, says why, and starts nothing', async () => {
      const ui = new RecordingUi();
      const original = services.commands.ui;
      services.commands.ui = ui;
      try {
        await vscode.commands.executeCommand('heroku.runLocal', { procfile: join(folder, 'Procfile'), all: true, env: 'dotenv' });
      } finally {
        services.commands.ui = original;
      }
      assert.strictEqual(ui.warnings.length, 1, ui.warnings.join('\n'));
      assert.match(ui.warnings[0], /^Running the Procfile locally is off in Restricted Mode: it runs the commands of this workspace's Procfile on this machine/);
      const local = await vscode.commands.executeCommand<{ processes: unknown[] }>('heroku.local.testState');
      assert.deepStrictEqual(local?.processes, []);
    });

    it('ignores the workspace\'s heroku.apiUrl: the user setting decides where the token goes', () => {
      const fromFolder = (JSON.parse(readFileSync(join(folder, '.vscode', 'settings.json'), 'utf8')) as Record<string, string>)['heroku.apiUrl'];
      assert.ok(fromFolder, 'the folder sets heroku.apiUrl');
      const used = vscode.workspace.getConfiguration('heroku').get<string>('apiUrl');
      assert.strictEqual(used, FAKE);
      assert.strictEqual(services.heroku.state.apiUrl, new URL(FAKE).toString().replace(/\/+$/, ''));
      assert.notStrictEqual(services.heroku.state.apiUrl, fromFolder);
    });
  });
}
