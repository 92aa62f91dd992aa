// Publishes manifest problems as diagnostics (debounced on typing) and turns Problem.fixes into quick fixes.
// NOTE for the lead: this is the manifest feature's own small publisher, written before the shared bridge in
// src/vscode/diagnostics existed; swap it for the bridge by handing it `lintManifest` (manifest-lint.ts).
import * as vscode from 'vscode';
import { Disposable } from '../../core/lifecycle';
import { applyOverrides, type Problem, type RuleOverrides } from '../../core/lint/types';
import { lintManifest, manifestKindOf } from './manifest-lint';

const SEVERITY: Record<Problem['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

const toRange = (r: Problem['range']) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

function toDiagnostic(uri: vscode.Uri, p: Problem): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(p.range), p.message, SEVERITY[p.severity]);
  d.source = 'heroku';
  d.code = p.code;
  if (p.related) d.relatedInformation = p.related.map((r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, toRange(r.range)), r.message));
  if (p.tags) d.tags = p.tags.map((t) => (t === 'deprecated' ? vscode.DiagnosticTag.Deprecated : vscode.DiagnosticTag.Unnecessary));
  return d;
}

export class ManifestDiagnostics extends Disposable implements vscode.CodeActionProvider {
  private readonly collection = this.register(vscode.languages.createDiagnosticCollection('heroku-manifest'));
  private readonly problems = new Map<string, { problem: Problem; diagnostic: vscode.Diagnostic }[]>();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly delayMs = 250) {
    super();
    this.register(vscode.workspace.onDidOpenTextDocument((d) => this.update(d)));
    this.register(vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)));
    this.register(vscode.workspace.onDidSaveTextDocument((d) => this.refreshSiblingsOf(d)));
    this.register(vscode.workspace.onDidCloseTextDocument((d) => this.clear(d.uri)));
    this.register(vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('heroku') || e.affectsConfiguration('json.validate')) this.refreshAll();
    }));
    this.register(vscode.languages.registerCodeActionsProvider([{ pattern: '**/app.json' }, { pattern: '**/heroku.yml' }], this,
      { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }));
    this.register({ dispose: () => { for (const t of this.timers.values()) clearTimeout(t); } });
    this.refreshAll();
  }

  refreshAll(): void {
    for (const d of vscode.workspace.textDocuments) this.update(d);
  }

  /** A saved Procfile, Dockerfile or sibling manifest changes what its neighbours' checks find. */
  private refreshSiblingsOf(saved: vscode.TextDocument): void {
    const dir = saved.uri.path.slice(0, saved.uri.path.lastIndexOf('/'));
    for (const d of vscode.workspace.textDocuments) {
      if (manifestKindOf(d) && d.uri.path.startsWith(`${dir}/`)) this.update(d);
    }
  }

  private schedule(doc: vscode.TextDocument): void {
    if (!manifestKindOf(doc)) return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => { this.timers.delete(key); this.update(doc); }, this.delayMs));
  }

  update(doc: vscode.TextDocument): void {
    if (this.isDisposed || !manifestKindOf(doc)) return;
    const found = lintManifest(doc);
    if (!found) return this.clear(doc.uri);
    const overrides = vscode.workspace.getConfiguration('heroku', doc.uri).get<RuleOverrides>('lint.rules');
    const entries = applyOverrides(found, overrides).map((problem) => ({ problem, diagnostic: toDiagnostic(doc.uri, problem) }));
    this.problems.set(doc.uri.toString(), entries);
    this.collection.set(doc.uri, entries.map((e) => e.diagnostic));
  }

  private clear(uri: vscode.Uri): void {
    this.problems.delete(uri.toString());
    this.collection.delete(uri);
  }

  provideCodeActions(doc: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const entries = this.problems.get(doc.uri.toString()) ?? [];
    const actions: vscode.CodeAction[] = [];
    for (const { problem, diagnostic } of entries) {
      if (!context.diagnostics.includes(diagnostic) && !diagnostic.range.intersection(range)) continue;
      for (const fix of problem.fixes ?? []) {
        if (!fix.edits?.length) continue;
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.isPreferred = fix.isPreferred;
        action.edit = new vscode.WorkspaceEdit();
        for (const e of fix.edits) action.edit.replace(doc.uri, toRange(e.range), e.newText);
        actions.push(action);
      }
    }
    return actions;
  }
}
