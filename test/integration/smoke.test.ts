// Smoke test: the extension is installed in the real extension host, activates, and hands back its API.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { name, publisher } from '../../package.json';

const id = `${publisher}.${name}`;

describe('smoke: extension host', () => {
  it('has the extension installed', () => {
    const ext = vscode.extensions.getExtension(id);
    assert.ok(ext, `extension ${id} is not installed in this host`);
  });

  it('activates and returns its API from activate()', async () => {
    const ext = vscode.extensions.getExtension(id);
    assert.ok(ext);
    const api = (await ext.activate()) as { services?: { commands?: unknown; log?: unknown } } | undefined;
    assert.strictEqual(ext.isActive, true);
    assert.ok(api && typeof api === 'object', 'activate() returned no API object');
    assert.ok(api.services?.commands, 'the API exposes services.commands');
    assert.ok(api.services?.log, 'the API exposes services.log');
  });

  it('registered the extension log command', async () => {
    const all = await vscode.commands.getCommands(true);
    assert.ok(all.includes('heroku.showLog'), 'heroku.showLog is not registered');
  });

  it('opened the test workspace', () => {
    const expected = process.env.HW_TEST_WORKSPACE;
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.strictEqual(folders.length, 1, 'exactly one workspace folder');
    if (expected) assert.strictEqual(folders[0].uri.fsPath, expected);
  });
});
