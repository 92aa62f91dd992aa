// app.json and heroku.yml in the real extension host: our diagnostics, the JSON language service applying the
// contributed schema (diagnostics, hovers, completions), heroku.yml hovers and completions, foreign app.json
// files left alone, and one source per problem. More in manifest-editor.test.ts.
import * as assert from 'node:assert';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { codeOf, codes, completionLabels, jsonService, lintLog, waitFor, workspaceDir } from './manifest-helpers';

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
const TWICE = '{\n  "image": "heroku/nodejs",\n  "stack": "heroku-22",\n  "stack": "heroku-24"\n}\n';
const WECHAT = '{\n  "pages": ["pages/index/index"],\n  "window": {"navigationBarTitleText": "x"},\n  "logo": "not a url"\n}\n';

const hoverText = (hs: vscode.Hover[]) => hs.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');

describe('manifest: app.json and heroku.yml in VS Code', function () {
  this.timeout(60_000);
  let dir: string;
  let appJson: vscode.Uri;
  let herokuYml: vscode.Uri;
  let wechat: vscode.Uri;

  before(async () => {
    await lintLog();
    dir = join(workspaceDir(), 'manifest-it');
    mkdirSync(join(dir, 'wechat'), { recursive: true });
    mkdirSync(join(dir, 'twice'), { recursive: true });
    writeFileSync(join(dir, 'twice', 'app.json'), TWICE);
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
    for (const d of vscode.workspace.textDocuments.filter((x) => x.isDirty && x.uri.fsPath.startsWith(dir))) {
      await vscode.window.showTextDocument(d);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
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
    const labels = await completionLabels(appJson, at);
    for (const key of ['success_url', 'environments', 'addons', 'buildpacks']) assert.ok(labels.includes(key), `${key} in ${labels.join()}`);
  });

  it('a WeChat app.json gets no diagnostics at all: not ours, not the JSON service\'s', async () => {
    const log = await lintLog();
    const linted = log.next('manifest-it/wechat/app.json');
    const doc = await vscode.workspace.openTextDocument(wechat);
    await vscode.window.showTextDocument(doc);
    await linted;
    assert.deepStrictEqual(codes(wechat).filter((c) => c.startsWith('appjson/')), []);
    // Make the JSON service report something (a syntax error), then take it back: the validation that clears it ran
    // on the real text, schema and all ("logo": "not a url" would be an error for a Heroku manifest).
    const end = doc.positionAt(doc.getText().length);
    const add = new vscode.WorkspaceEdit();
    add.insert(wechat, end, 'x');
    assert.ok(await vscode.workspace.applyEdit(add));
    await waitFor('a JSON syntax error', () => (jsonService(wechat).length ? true : undefined));
    const undo = new vscode.WorkspaceEdit();
    undo.delete(wechat, new vscode.Range(end, end.translate(0, 1)));
    assert.ok(await vscode.workspace.applyEdit(undo));
    // The bridge has seen the change by now (and dropped any lint still pending for the edit): the next lint is of
    // the real text.
    const relinted = log.next('manifest-it/wechat/app.json');
    await waitFor('the JSON service to validate the real text', () => (jsonService(wechat).length ? undefined : true));
    await relinted;
    assert.deepStrictEqual(vscode.languages.getDiagnostics(wechat), []);
    // The JSON service's own validator against the contributed schema: nothing for WeChat, an error for Heroku's.
    const validate = (text: string) => vscode.commands.executeCommand<vscode.Diagnostic[]>('json.validate', vscode.Uri.parse('heroku-workflows-schema:/app.json.schema.json'), text);
    assert.deepStrictEqual(await validate(WECHAT), []);
    const asHeroku = await validate(WECHAT.replace('"pages"', '"stack": "heroku-24", "pages"'));
    assert.ok(asHeroku.length > 0 && asHeroku.every((d) => d.range.start.line === 3), 'the logo is not a URL');
  });

  it('app.json: one source per problem: image is ours only; duplicate keys are ours and the JSON service\'s', async () => {
    const twice = vscode.Uri.file(join(dir, 'twice', 'app.json'));
    const doc = await vscode.workspace.openTextDocument(twice);
    await vscode.window.showTextDocument(doc);
    // The JSON service's duplicate-key warnings come from the same validation as any schema message about image.
    const dupes = await waitFor('the JSON service\'s duplicate-key warnings', () => {
      const ds = jsonService(twice).filter((d) => /Duplicate object key/.test(d.message));
      return ds.length === 2 ? ds : undefined;
    });
    assert.deepStrictEqual(dupes.map((d) => [d.range.start.line, d.severity]).sort(), [[2, vscode.DiagnosticSeverity.Warning], [3, vscode.DiagnosticSeverity.Warning]]);
    const ours = await waitFor('our diagnostics', () => {
      const ds = vscode.languages.getDiagnostics(twice).filter((d) => d.source === 'heroku');
      return ds.length === 2 ? ds : undefined;
    });
    const onImage = vscode.languages.getDiagnostics(twice).filter((d) => d.range.start.line === 1);
    assert.deepStrictEqual(onImage.map(codeOf), ['appjson/deprecated-image'], 'image: no schema deprecationMessage next to ours');
    assert.deepStrictEqual(onImage[0].tags, [vscode.DiagnosticTag.Deprecated]);
    const dup = ours.find((d) => codeOf(d) === 'appjson/duplicate-key');
    assert.ok(dup, 'ours says what the JSON service does not: which copy Heroku keeps');
    assert.strictEqual(dup.range.start.line, 3);
    assert.match(dup.message, /keeps only the last/);
    assert.strictEqual(dup.relatedInformation?.[0].location.range.start.line, 2);
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
});
