// app.json and heroku.yml in the real extension host: our diagnostics, the JSON language service applying the
// contributed schema (diagnostics, hovers, completions), heroku.yml hovers and completions, foreign app.json
// files left alone, and the setting that turns the app.json check off.
import * as assert from 'node:assert';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { name, publisher } from '../../package.json';

const APP_JSON = `{
  "name": "manifest-it",
  "formation": {
    "web": { "quantity": 1, "size": "basic" },
    "wrker": { "quantity": 1 }
  },
  "env": { "DEBUG": true, "A": { "generator": "uuid" } },
  "stack": "heroku-18"
}
`;
const HEROKU_YML = `build:
  docker:
    web: Dockerfile
    worker: missing/Dockerfile
  
release:
  image: web
  command:
    - ./migrate.sh
`;
const WECHAT = '{\n  "pages": ["pages/index/index"],\n  "window": {"navigationBarTitleText": "x"},\n  "logo": "not a url"\n}\n';

function workspaceDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return folder.uri.fsPath;
}

async function waitFor<T>(what: string, get: () => T | undefined | Promise<T | undefined>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await get();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);
const codes = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).map(codeOf);
const hoverText = (hs: vscode.Hover[]) => hs.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');

describe('manifest: app.json and heroku.yml in VS Code', function () {
  this.timeout(60_000);
  let dir: string;
  let appJson: vscode.Uri;
  let herokuYml: vscode.Uri;
  let wechat: vscode.Uri;

  before(async () => {
    await vscode.extensions.getExtension(`${publisher}.${name}`)?.activate();
    dir = join(workspaceDir(), 'manifest-it');
    mkdirSync(join(dir, 'wechat'), { recursive: true });
    writeFileSync(join(dir, 'app.json'), APP_JSON);
    writeFileSync(join(dir, 'Procfile'), 'web: node server.js\nworker: node worker.js\n');
    writeFileSync(join(dir, 'heroku.yml'), HEROKU_YML);
    writeFileSync(join(dir, 'Dockerfile'), 'FROM node:22\n');
    writeFileSync(join(dir, 'wechat', 'app.json'), WECHAT);
    appJson = vscode.Uri.file(join(dir, 'app.json'));
    herokuYml = vscode.Uri.file(join(dir, 'heroku.yml'));
    wechat = vscode.Uri.file(join(dir, 'wechat', 'app.json'));
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('heroku').update('appJson.validate', undefined, vscode.ConfigurationTarget.Workspace);
    rmSync(dir, { recursive: true, force: true });
  });

  it('app.json: our semantic diagnostics appear, with codes and exact ranges', async () => {
    const doc = await vscode.workspace.openTextDocument(appJson);
    await vscode.window.showTextDocument(doc);
    const got = await waitFor('heroku diagnostics', () => {
      const c = codes(appJson);
      return c.includes('appjson/formation-not-in-procfile') && c.includes('appjson/env-generator') ? c : undefined;
    });
    assert.ok(got.includes('appjson/deprecated-stack'), got.join());
    const d = vscode.languages.getDiagnostics(appJson).find((x) => codeOf(x) === 'appjson/formation-not-in-procfile');
    assert.ok(d);
    assert.strictEqual(doc.getText(d.range), '"wrker"');
    assert.strictEqual(d.source, 'heroku');
  });

  it('app.json: the JSON language service applies the contributed schema (a boolean env value)', async () => {
    const d = await waitFor('a JSON schema diagnostic', () =>
      vscode.languages.getDiagnostics(appJson).find((x) => x.source !== 'heroku' && x.range.start.line === 6));
    const doc = await vscode.workspace.openTextDocument(appJson);
    assert.strictEqual(doc.getText(d.range), 'true');
    // Our own schema errors are left to the JSON service, so the same error does not show twice.
    assert.ok(!codes(appJson).includes('appjson/schema'));
  });

  it('app.json: hovers and completions come from the schema', async () => {
    const doc = await vscode.workspace.openTextDocument(appJson);
    const pos = doc.positionAt(APP_JSON.indexOf('"formation"') + 3);
    const hovers = await waitFor('a hover', async () => {
      const hs = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', appJson, pos);
      return hs.length ? hs : undefined;
    });
    assert.match(hoverText(hovers), /Dynos to start, per process type/);
    const at = doc.positionAt(APP_JSON.indexOf('  "name"'));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', appJson, at);
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label).replace(/"/g, ''));
    for (const key of ['success_url', 'environments', 'addons', 'buildpacks']) assert.ok(labels.includes(key), `${key} in ${labels.join()}`);
  });

  it('a WeChat app.json gets no diagnostics at all', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(wechat));
    await waitFor('the app.json diagnostics to settle', () => (codes(appJson).length ? true : undefined));
    await new Promise((r) => setTimeout(r, 2500));
    assert.deepStrictEqual(vscode.languages.getDiagnostics(wechat), []);
  });

  it('heroku.yml: diagnostics, hover and completion', async () => {
    const doc = await vscode.workspace.openTextDocument(herokuYml);
    await vscode.window.showTextDocument(doc);
    const d = await waitFor('missing Dockerfile', () => vscode.languages.getDiagnostics(herokuYml).find((x) => codeOf(x) === 'herokuyml/missing-dockerfile'));
    assert.strictEqual(doc.getText(d.range), 'missing/Dockerfile');
    assert.ok(codes(herokuYml).includes('herokuyml/stack-not-container'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', herokuYml, new vscode.Position(5, 2));
    assert.match(hoverText(hovers), /release phase/);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', herokuYml, new vscode.Position(4, 2));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('config'), labels.join());
    assert.ok(!labels.includes('docker'), 'docker is already there');
  });

  it('heroku.appJson.validate: false removes our app.json diagnostics', async () => {
    await vscode.workspace.getConfiguration('heroku').update('appJson.validate', false, vscode.ConfigurationTarget.Workspace);
    await waitFor('our diagnostics to go', () => (codes(appJson).some((c) => c.startsWith('appjson/')) ? undefined : true));
    await vscode.workspace.getConfiguration('heroku').update('appJson.validate', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor('our diagnostics to return', () => (codes(appJson).includes('appjson/env-generator') ? true : undefined));
  });
});
