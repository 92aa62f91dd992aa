// Procfile in the real extension host: the language is recognised, problems show up as diagnostics with codes,
// a quick fix from executeCodeActionProvider repairs the file, settings change severities, the outline and
// hover work, and formatting normalises the spacing.
import * as assert from 'node:assert';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { name, publisher } from '../../package.json';
import { waitFor } from '../support/wait';

const BROKEN = 'web: bundle exec rails server -p 3000\nworker : bundle exec sidekiq\nweb-x: node a.js &&\n';

function workspaceDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return folder.uri.fsPath;
}

const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);
const diags = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'heroku');

describe('procfile: language, diagnostics and quick fixes in VS Code', function () {
  this.timeout(60_000);
  let dir: string;
  let procfile: vscode.Uri;

  before(async () => {
    await vscode.extensions.getExtension(`${publisher}.${name}`)?.activate();
    dir = join(workspaceDir(), 'procfile-it');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'Procfile'), BROKEN);
    writeFileSync(join(dir, '.env'), 'PORT=5000\nSECRET_TOKEN=hunter2hunter2\n');
    procfile = vscode.Uri.file(join(dir, 'Procfile'));
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('heroku').update('lint.rules', undefined, vscode.ConfigurationTarget.Workspace);
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  });

  it('opens as the procfile language and reports the problems with codes and exact ranges', async () => {
    const doc = await vscode.workspace.openTextDocument(procfile);
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'procfile');
    const found = await waitFor('procfile diagnostics', () => {
      const d = diags(procfile);
      return d.some((x) => codeOf(x) === 'procfile/fixed-port') ? d : undefined;
    });
    const byCode = new Map(found.map((d) => [codeOf(d), d]));
    for (const c of ['procfile/fixed-port', 'procfile/space-before-colon', 'procfile/dangling-operator']) assert.ok(byCode.has(c), `${c} in ${[...byCode.keys()].join(', ')}`);
    const fixed = byCode.get('procfile/fixed-port')!;
    assert.equal(fixed.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(doc.getText(fixed.range), '3000');
    assert.equal(fixed.range.start.line, 0);
    // The code links to its row in the shipped docs/RULES.md (#L<line> opens the file there).
    const target = typeof fixed.code === 'object' ? fixed.code.target : undefined;
    assert.ok(target && target.path.endsWith('/docs/RULES.md'), String(target));
    const row = readFileSync(target.fsPath, 'utf8').split('\n')[Number(/^L(\d+)$/.exec(target.fragment)?.[1]) - 1];
    assert.match(row ?? '', /^\| `procfile\/fixed-port`/);
  });

  it('a quick fix from executeCodeActionProvider repairs the file', async () => {
    const doc = await vscode.workspace.openTextDocument(procfile);
    const fixed = diags(procfile).find((d) => codeOf(d) === 'procfile/fixed-port');
    assert.ok(fixed);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', procfile, fixed.range, vscode.CodeActionKind.QuickFix.value);
    const action = actions.find((a) => a.title === 'Replace with $PORT');
    assert.ok(action?.edit, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(action.edit));
    assert.equal(doc.lineAt(0).text, 'web: bundle exec rails server -p $PORT');

    const space = diags(procfile).find((d) => codeOf(d) === 'procfile/space-before-colon');
    assert.ok(space);
    const more = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', procfile, space.range, vscode.CodeActionKind.QuickFix.value);
    const remove = more.find((a) => a.title === 'Remove the space before the colon');
    assert.ok(remove?.edit);
    assert.ok(await vscode.workspace.applyEdit(remove.edit));
    assert.equal(doc.lineAt(1).text, 'worker: bundle exec sidekiq');
    await waitFor('diagnostics to follow the edits', () => (diags(procfile).some((d) => ['procfile/fixed-port', 'procfile/space-before-colon'].includes(codeOf(d))) ? undefined : true));
    assert.ok(diags(procfile).some((d) => codeOf(d) === 'procfile/dangling-operator'));
  });

  it('"Disable for this line" inserts a directive that silences the rule', async () => {
    const doc = await vscode.workspace.openTextDocument(procfile);
    const dangling = diags(procfile).find((d) => codeOf(d) === 'procfile/dangling-operator');
    assert.ok(dangling);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', procfile, dangling.range, vscode.CodeActionKind.QuickFix.value);
    const disable = actions.find((a) => a.title === 'Disable procfile/dangling-operator for this line');
    assert.ok(disable?.edit);
    assert.ok(await vscode.workspace.applyEdit(disable.edit));
    assert.equal(doc.lineAt(2).text, '# heroku-lint-disable-next-line dangling-operator');
    await waitFor('the directive to silence the rule', () => (diags(procfile).some((d) => codeOf(d) === 'procfile/dangling-operator') ? undefined : true));
  });

  it('heroku.lint.rules changes a severity', async () => {
    const doc = await vscode.workspace.openTextDocument(procfile);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(procfile, new vscode.Position(doc.lineCount, 0), 'clock: node clock.js -p 1 --port 4000\nbeat: x\nbeat: y\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const dup = await waitFor('duplicate warning', () => diags(procfile).find((d) => codeOf(d) === 'procfile/duplicate-process-type'));
    assert.equal(dup.severity, vscode.DiagnosticSeverity.Warning);
    await vscode.workspace.getConfiguration('heroku').update('lint.rules', { 'procfile/duplicate-process-type': 'error' }, vscode.ConfigurationTarget.Workspace);
    await waitFor('the override', () => diags(procfile).find((d) => codeOf(d) === 'procfile/duplicate-process-type' && d.severity === vscode.DiagnosticSeverity.Error));
    await vscode.workspace.getConfiguration('heroku').update('lint.rules', { 'procfile/duplicate-process-type': 'off' }, vscode.ConfigurationTarget.Workspace);
    await waitFor('the rule to be off', () => (diags(procfile).some((d) => codeOf(d) === 'procfile/duplicate-process-type') ? undefined : true));
  });

  it('heroku.lint.rules: "information" is an alias, a value that is no level is ignored', async () => {
    await vscode.workspace.getConfiguration('heroku').update('lint.rules', { 'procfile/duplicate-process-type': 'information' }, vscode.ConfigurationTarget.Workspace);
    await waitFor('the alias', () => diags(procfile).find((d) => codeOf(d) === 'procfile/duplicate-process-type' && d.severity === vscode.DiagnosticSeverity.Information));
    // Before values were checked, "loud" reached VS Code as an undefined severity (shown as an error).
    await vscode.workspace.getConfiguration('heroku').update('lint.rules', { 'procfile/duplicate-process-type': 'loud' }, vscode.ConfigurationTarget.Workspace);
    const dup = await waitFor('the default severity back', () => diags(procfile).find((d) => codeOf(d) === 'procfile/duplicate-process-type' && d.severity !== vscode.DiagnosticSeverity.Information));
    assert.equal(dup.severity, vscode.DiagnosticSeverity.Warning);
    await vscode.workspace.getConfiguration('heroku').update('lint.rules', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('outline, hover (process type, masked .env value) and formatting', async () => {
    const doc = await vscode.workspace.openTextDocument(procfile);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', procfile);
    assert.deepEqual(symbols.map((s) => s.name).slice(0, 2), ['web', 'worker']);

    const hover = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', procfile, new vscode.Position(0, 1));
    const text = hover.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /HTTP traffic/);
    const portAt = doc.lineAt(0).text.indexOf('$PORT') + 2;
    const vh = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', procfile, new vscode.Position(0, portAt));
    assert.match(vh.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n'), /`5000`/);

    const edit = new vscode.WorkspaceEdit();
    edit.insert(procfile, new vscode.Position(doc.lineCount, 0), '  mailer :  node mail.js  \n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', procfile, { tabSize: 2, insertSpaces: true });
    const we = new vscode.WorkspaceEdit();
    we.set(procfile, edits);
    assert.ok(await vscode.workspace.applyEdit(we));
    assert.equal(doc.lineAt(doc.lineCount - 2).text, 'mailer: node mail.js');
  });

  it('a mis-cased procfile gets a rename quick fix that renames the file', async () => {
    const lower = vscode.Uri.file(join(dir, 'sub', 'procfile'));
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(lower.fsPath, 'web: npm start\n');
    const doc = await vscode.workspace.openTextDocument(lower);
    await vscode.window.showTextDocument(doc);
    const d = await waitFor('misnamed-file', () => diags(lower).find((x) => codeOf(x) === 'procfile/misnamed-file'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', lower, d.range, vscode.CodeActionKind.QuickFix.value);
    const rename = actions.find((a) => a.title === 'Rename the file to Procfile');
    assert.ok(rename?.edit);
    assert.ok(await vscode.workspace.applyEdit(rename.edit));
    const renamed = vscode.Uri.file(join(dir, 'sub', 'Procfile'));
    const stat = await vscode.workspace.fs.stat(renamed);
    assert.equal(stat.type, vscode.FileType.File);
  });

  it('"Convert to LF line endings" sets the document to LF and the warning goes', async () => {
    const crlf = vscode.Uri.file(join(dir, 'crlf', 'Procfile'));
    mkdirSync(join(dir, 'crlf'), { recursive: true });
    writeFileSync(crlf.fsPath, 'web: npm start\r\nworker: node worker.js\r\n');
    const doc = await vscode.workspace.openTextDocument(crlf);
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.eol, vscode.EndOfLine.CRLF);
    const d = await waitFor('procfile/crlf', () => diags(crlf).find((x) => codeOf(x) === 'procfile/crlf'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', crlf, d.range, vscode.CodeActionKind.QuickFix.value);
    const convert = actions.find((a) => a.title === 'Convert to LF line endings');
    assert.ok(convert?.command, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    if (convert.edit) assert.ok(await vscode.workspace.applyEdit(convert.edit));
    assert.ok(await vscode.commands.executeCommand(convert.command.command, ...(convert.command.arguments ?? [])));
    assert.equal(doc.eol, vscode.EndOfLine.LF);
    assert.ok(!doc.getText().includes('\r'));
    await waitFor('the crlf warning to go', () => (diags(crlf).some((x) => codeOf(x) === 'procfile/crlf') ? undefined : true));
    assert.ok(await doc.save());
  });

  it('an untitled document in the Procfile language is linted as the deployed Procfile', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'procfile', content: 'web: bundle exec rails s -p 3000\nweb : node b.js\n' });
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.uri.scheme, 'untitled');
    const found = await waitFor('untitled diagnostics', () => {
      const d = diags(doc.uri);
      return d.some((x) => codeOf(x) === 'procfile/fixed-port') ? d : undefined;
    });
    assert.ok(found.some((x) => codeOf(x) === 'procfile/space-before-colon'));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor('diagnostics to go with the document', () => (diags(doc.uri).length === 0 ? true : undefined));
  });
});
