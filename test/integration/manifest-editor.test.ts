// app.json and heroku.yml in the real extension host, the parts that need the editor: completions from the JSON
// language service in a new or half-typed app.json, checks across files that follow edits to their siblings
// (open documents and files found by the workspace scan), and heroku.appJson.validate turning the schema off.
import * as assert from 'node:assert';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { codeOf, codes, completionLabels, jsonService, lintLog, waitFor, workspaceDir } from './manifest-helpers';

const APP_JSON = '{\n  "name": "cross",\n  "formation": {\n    "web": { "quantity": 1 },\n    "clock": { "quantity": 1 }\n  },\n  "env": { "DEBUG": true }\n}\n';
const HEROKU_YML = 'build:\n  docker:\n    web: Dockerfile\nrun:\n  web: node server.js\n';

async function edit(uri: vscode.Uri, f: (e: vscode.WorkspaceEdit, doc: vscode.TextDocument) => void): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const e = new vscode.WorkspaceEdit();
  f(e, doc);
  assert.ok(await vscode.workspace.applyEdit(e), 'the edit applies');
}

const endOf = (doc: vscode.TextDocument) => doc.positionAt(doc.getText().length);

describe('manifest: completions, checks across files and the validate setting', function () {
  this.timeout(90_000);
  let dir: string;
  const uri = (name: string) => vscode.Uri.file(join(dir, name));

  before(async () => {
    await lintLog();
    dir = join(workspaceDir(), 'manifest-cross');
    mkdirSync(join(dir, 'new'), { recursive: true });
    writeFileSync(join(dir, 'app.json'), APP_JSON);
    writeFileSync(join(dir, 'Procfile'), 'web: node server.js\n');
    writeFileSync(join(dir, 'heroku.yml'), HEROKU_YML);
    writeFileSync(join(dir, 'new', 'app.json'), '{\n  "\n}\n');
    // Loaded (not shown), so its lints do not hang on the file watcher noticing a file written from outside: in a
    // full host run the watcher missed these new files now and then (alone it never did). Unopened files linted
    // from disk are covered by the bad-input suite and the workspace scan.
    await vscode.workspace.openTextDocument(uri('heroku.yml'));
  });

  after(async () => {
    // Unsaved edits would make closing ask; revert them first.
    for (const d of vscode.workspace.textDocuments.filter((x) => x.isDirty && x.uri.fsPath.startsWith(dir))) {
      await vscode.window.showTextDocument(d);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('heroku').update('appJson.validate', undefined, vscode.ConfigurationTarget.Workspace);
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  });

  it('app.json: completions offer Heroku keys in a new file, inside the first empty key', async () => {
    const doc = await vscode.workspace.openTextDocument(uri('new/app.json'));
    await vscode.window.showTextDocument(doc);
    const labels = await waitFor('completions', async () => {
      const l = await completionLabels(doc.uri, new vscode.Position(1, 3));
      return l.includes('formation') ? l : undefined;
    });
    for (const key of ['name', 'env', 'formation', 'scripts', 'addons', 'environments']) assert.ok(labels.includes(key), `${key} in ${labels.join()}`);
  });

  it('app.json: completions offer Heroku keys while a key is half typed', async () => {
    await edit(uri('new/app.json'), (e, doc) => e.replace(doc.uri, new vscode.Range(0, 0, endOf(doc).line, 0), '{\n  "name": "x",\n  "sc\n}\n'));
    const labels = await completionLabels(uri('new/app.json'), new vscode.Position(2, 5));
    for (const key of ['scripts', 'env', 'formation', 'stack']) assert.ok(labels.includes(key), `${key} in ${labels.join()}`);
    assert.ok(!labels.includes('name'), 'name is already there');
  });

  it('app.json: editing the Procfile (unsaved) re-lints app.json and heroku.yml next to it', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri('app.json')));
    const d = await waitFor('formation-not-in-procfile', () =>
      vscode.languages.getDiagnostics(uri('app.json')).find((x) => codeOf(x) === 'appjson/formation-not-in-procfile'));
    assert.strictEqual(d.range.start.line, 4, '"clock"');
    // heroku.yml is loaded but not shown: it is re-linted from the Procfile's unsaved text.
    const runWarning = () => vscode.languages.getDiagnostics(uri('heroku.yml')).find((x) => codeOf(x) === 'herokuyml/run-overrides-procfile');
    assert.doesNotMatch((await waitFor('run-overrides-procfile', runWarning)).message, /clock/);

    const procfile = await vscode.workspace.openTextDocument(uri('Procfile'));
    await edit(procfile.uri, (e) => e.insert(procfile.uri, endOf(procfile), 'clock: node clock.js\n'));
    assert.ok(procfile.isDirty, 'not saved');
    await waitFor('app.json to lose formation-not-in-procfile', () => (codes(uri('app.json')).includes('appjson/formation-not-in-procfile') ? undefined : true));
    await waitFor('heroku.yml to name clock', () => (runWarning()?.message.includes('clock') ? true : undefined));
  });

  it('heroku.yml: creating and deleting its Dockerfile re-lints it (missing-dockerfile)', async () => {
    const missing = () => codes(uri('heroku.yml')).includes('herokuyml/missing-dockerfile');
    await waitFor('missing-dockerfile', () => (missing() ? true : undefined));
    await vscode.workspace.fs.writeFile(uri('Dockerfile'), new TextEncoder().encode('FROM node:22\n'));
    await waitFor('missing-dockerfile to go', () => (missing() ? undefined : true));
    await vscode.workspace.fs.delete(uri('Dockerfile'));
    await waitFor('missing-dockerfile to return', () => (missing() ? true : undefined));
  });

  it('heroku.yml: changing app.json\'s stack re-lints it (stack-not-container)', async () => {
    const notContainer = () => codes(uri('heroku.yml')).includes('herokuyml/stack-not-container');
    await waitFor('stack-not-container', () => (notContainer() ? true : undefined));
    const doc = await vscode.workspace.openTextDocument(uri('app.json'));
    await edit(doc.uri, (e) => e.insert(doc.uri, new vscode.Position(1, 0), '  "stack": "container",\n'));
    await waitFor('stack-not-container to go', () => (notContainer() ? undefined : true));
  });

  it('app.json: heroku.appJson.validate: false turns off the JSON service\'s schema (errors and completions) too', async () => {
    const app = uri('app.json');
    const doc = await vscode.workspace.openTextDocument(app);
    const schemaError = () => jsonService(app).find((x) => doc.getText(x.range) === 'true');
    await waitFor('the JSON service\'s schema error on "DEBUG": true', schemaError);
    await vscode.workspace.getConfiguration('heroku').update('appJson.validate', false, vscode.ConfigurationTarget.Workspace);
    await waitFor('every app.json diagnostic to go', () => (vscode.languages.getDiagnostics(app).length ? undefined : true));
    const off = await completionLabels(uri('new/app.json'), new vscode.Position(2, 5));
    assert.ok(!off.includes('formation'), `no schema completions: ${off.join()}`);
    await vscode.workspace.getConfiguration('heroku').update('appJson.validate', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor('the schema error to return', schemaError);
    await waitFor('our diagnostics to return', () => (codes(app).some((c) => c.startsWith('appjson/')) ? true : undefined));
    assert.ok((await completionLabels(uri('new/app.json'), new vscode.Position(2, 5))).includes('formation'));
  });
});
