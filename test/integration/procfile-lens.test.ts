// Procfile CodeLens in the real extension host against the fake Heroku: the workspace's Procfile (its git remote
// names the test app) shows each process type's formation, a click scales it through the explorer's command,
// and the setting turns the lenses off. Signed out, there are none.
import * as assert from 'node:assert';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { FIRST } from '../support/test-user-input';
import { useFakeHeroku } from '../support/use-fake-heroku';
import { waitFor } from '../support/wait';
import { useExtension } from './extension';

const APP = process.env.HW_TEST_APP ?? '';

/** The formation lenses (the Procfile also has "Run on Heroku" and "Run locally" lenses of other features). */
const lensesOf = async (uri: vscode.Uri) => ((await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [])
  .filter((l) => !['heroku.run', 'heroku.runLocal'].includes(l.command?.command ?? ''));
const titles = async (uri: vscode.Uri) => (await lensesOf(uri)).map((l) => l.command?.title ?? '');

describe('procfile CodeLens: formation of the workspace app', function () {
  this.timeout(90_000);
  const heroku = useFakeHeroku();
  const ext = useExtension(heroku, { signedIn: false });
  const procfile = vscode.Uri.file(join(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '', 'Procfile'));
  const formationOfApp = async () => {
    const id = await heroku.control.appId(APP);
    return (await heroku.control.state()).formation.filter((f) => f.appId === id);
  };

  before(async () => {
    assert.ok(APP, 'the runner sets HW_TEST_APP');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(procfile));
  });

  after(async () => {
    await vscode.workspace.getConfiguration('heroku').update('procfile.codeLens', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  /** Each test after the first signs in itself, so a grep that runs one of them alone works too. */
  async function signedInWithLenses(): Promise<void> {
    await ext.signIn();
    await waitFor('the lenses', async () => ((await titles(procfile)).length > 0 ? true : undefined));
  }

  it('shows nothing while signed out', async () => {
    await ext.services.heroku.signOut();
    await waitFor('signed out', async () => (ext.services.heroku.getClient() === undefined ? true : undefined));
    assert.deepStrictEqual(await titles(procfile), []);
    // Nor "Run on Heroku" (a one-off dyno needs an account); "Run locally" needs none and stays.
    const all = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', procfile)) ?? [];
    assert.deepStrictEqual(all.filter((l) => l.command?.command === 'heroku.run'), []);
  });

  it('shows "type: quantity × size on app" for each deployed type and "not scaled" for the others', async () => {
    await ext.signIn();
    const formation = await formationOfApp();
    const doc = await vscode.workspace.openTextDocument(procfile);
    const types = [...doc.getText().matchAll(/^([\w-]+):/gm)].map((m) => m[1]);
    const expected = types.map((t) => {
      const f = formation.find((x) => x.type === t);
      return f ? `${t}: ${f.quantity} × ${f.size} on ${APP}` : `${t}: not scaled on ${APP}`;
    });
    assert.ok(expected.some((t) => !t.includes('not scaled')), `the fake app ${APP} has a formation for one of ${types.join(', ')}`);
    const shown = await waitFor('the lenses', async () => {
      const t = await titles(procfile);
      return t.length > 0 ? t : undefined;
    });
    assert.deepStrictEqual(shown, expected);
    const lenses = await lensesOf(procfile);
    assert.deepStrictEqual(lenses.map((l) => l.range.start.line), types.map((t) => doc.getText().split('\n').findIndex((l) => l.startsWith(`${t}:`))));
  });

  it('a click scales that process type with the explorer\'s scale command, and the lens follows', async () => {
    await signedInWithLenses();
    const lens = (await lensesOf(procfile)).find((l) => l.command?.command);
    assert.ok(lens?.command, 'a clickable lens');
    assert.strictEqual(lens.command.arguments?.[0], APP);
    const before = (await formationOfApp()).find((f) => f.type === lens.command?.arguments?.[1]);
    assert.ok(before, `the lens scales a type of ${APP}'s formation: ${JSON.stringify(lens.command.arguments)}`);
    // Down to 0 (or up from 0): eco and basic dynos cannot scale past one.
    const target = before.quantity === 0 ? 1 : 0;
    const ui = ext.ui([String(target), FIRST, 'Scale']);
    await vscode.commands.executeCommand(lens.command.command, ...(lens.command.arguments ?? []));
    const after = (await formationOfApp()).find((f) => f.type === before.type);
    assert.strictEqual(after?.quantity, target, ui.asked.join(' | '));
    assert.match(ui.asked.join(' | '), new RegExp(`Scale ${before.type} of ${APP} to ${target} ×`));
    await waitFor('the lens to show the new quantity', async () =>
      ((await titles(procfile)).includes(`${before.type}: ${target} × ${after.size} on ${APP}`) ? true : undefined));
  });

  it('follows a scale made elsewhere (the explorer\'s command on a tree node), through the app-changed event', async () => {
    await signedInWithLenses();
    const lens = (await lensesOf(procfile)).find((l) => l.command?.command);
    assert.ok(lens?.command, 'a clickable lens');
    const type = String(lens.command.arguments?.[1]);
    const before = (await formationOfApp()).find((f) => f.type === type);
    assert.ok(before, `${APP} has a formation for ${type}`);
    const target = before.quantity === 0 ? 1 : 0;
    ext.ui([String(target), FIRST, 'Scale']);
    const node = { id: `test/${APP}/${type}`, kind: 'formation', label: type, app: APP, ref: type, contextValue: 'heroku.formation', collapsible: 'none' };
    await vscode.commands.executeCommand('heroku.formation.scale', node);
    assert.strictEqual((await formationOfApp()).find((f) => f.type === type)?.quantity, target, 'the fake was scaled');
    await waitFor('the lens to show the new quantity', async () =>
      ((await titles(procfile)).some((t) => t.startsWith(`${type}: ${target} × `)) ? true : undefined));
  });

  it('a Procfile in a sub-folder of the repository gets none (Heroku reads the root one)', async () => {
    const nested = vscode.Uri.file(join(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '', 'lens-sub', 'Procfile'));
    mkdirSync(join(nested.fsPath, '..'), { recursive: true });
    writeFileSync(nested.fsPath, 'web: node server.js\n');
    try {
      await signedInWithLenses();
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(nested));
      assert.ok((await titles(procfile)).length > 0, 'the root Procfile still has its lenses');
      assert.deepStrictEqual(await titles(nested), []);
    } finally {
      rmSync(join(nested.fsPath, '..'), { recursive: true, force: true });
    }
  });

  it('heroku.procfile.codeLens: false turns the lenses off', async () => {
    await signedInWithLenses();
    await vscode.workspace.getConfiguration('heroku').update('procfile.codeLens', false, vscode.ConfigurationTarget.Workspace);
    await waitFor('no lenses', async () => ((await titles(procfile)).length === 0 ? true : undefined));
  });
});
