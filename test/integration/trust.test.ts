// Restricted Mode: Workspace Trust on and the folder not trusted. Registered only in the integration runner's
// second pass (scripts/host/integration.ts sets HW_TEST_UNTRUSTED=1 there), whose folder brings a .env and a
// .vscode/settings.json that points heroku.apiUrl elsewhere, and whose user settings point it at the fake.
import * as assert from 'node:assert';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { TestUserInput } from '../support/test-user-input';
import { useFakeHeroku } from '../support/use-fake-heroku';
import { waitFor } from '../support/wait';
import { useExtension } from './extension';

/** The warnings a test's prompts saw, modal or not (the refusals answer nothing). */
const warned = (ui: TestUserInput) => ui.asked.filter((a) => a.startsWith('warn: ')).map((a) => a.slice('warn: '.length));

if (process.env.HW_TEST_UNTRUSTED === '1') {
  describe('workspace trust: Restricted Mode', function () {
    this.timeout(60_000);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
    const heroku = useFakeHeroku({ resetEach: false });
    const ext = useExtension(heroku, { signedIn: false });
    const configVars = async () => (await heroku.control.state()).configVars;

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
      const ui = ext.ui();
      await vscode.commands.executeCommand('heroku.config.push', vscode.Uri.file(join(folder, '.env')));
      assert.strictEqual(warned(ui).length, 1, ui.asked.join('\n'));
      assert.match(warned(ui)[0], /^Push \.env to App is off in Restricted Mode: it sends the values of a \.env file in this workspace to a Heroku app, and this workspace is not trusted\. .*Manage Workspace Trust/);
      assert.deepStrictEqual(await configVars(), before);
    });

    it('Run Procfile Locally refuses, says why, and starts nothing', async () => {
      const ui = ext.ui();
      await vscode.commands.executeCommand('heroku.runLocal', { procfile: join(folder, 'Procfile'), all: true, env: 'dotenv' });
      assert.strictEqual(warned(ui).length, 1, ui.asked.join('\n'));
      assert.match(warned(ui)[0], /^Running the Procfile locally is off in Restricted Mode: it runs the commands of this workspace's Procfile on this machine/);
      const local = await vscode.commands.executeCommand<{ processes: unknown[] }>('heroku.local.testState');
      assert.deepStrictEqual(local?.processes, []);
    });

    it('ignores the workspace\'s heroku.apiUrl: the user setting decides where the token goes', () => {
      const fromFolder = (JSON.parse(readFileSync(join(folder, '.vscode', 'settings.json'), 'utf8')) as Record<string, string>)['heroku.apiUrl'];
      assert.ok(fromFolder, 'the folder sets heroku.apiUrl');
      const used = vscode.workspace.getConfiguration('heroku').get<string>('apiUrl');
      assert.strictEqual(used, heroku.url);
      assert.strictEqual(ext.services.heroku.state.apiUrl, new URL(heroku.url).toString().replace(/\/+$/, ''));
      assert.notStrictEqual(ext.services.heroku.state.apiUrl, fromFolder);
    });
  });
}
