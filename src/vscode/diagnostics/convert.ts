// Problem (core, 0-based plain data) -> vscode.Diagnostic and Fix -> vscode.CodeAction. No state.
import * as vscode from 'vscode';
import type { Fix, Problem, Range } from '../../core/lint/types';

const SEVERITY: Record<Problem['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export const DIAGNOSTIC_SOURCE = 'heroku';

export function toRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

/** GitHub-style anchor of a `### procfile/fixed-port` heading in docs/RULES.md. */
export function ruleAnchor(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9 _-]/g, '').replace(/ /g, '-');
}

export function toDiagnostic(uri: vscode.Uri, p: Problem, docsUri?: vscode.Uri): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(p.range), p.message, SEVERITY[p.severity]);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = docsUri ? { value: p.code, target: docsUri.with({ fragment: ruleAnchor(p.code) }) } : p.code;
  if (p.related?.length) {
    d.relatedInformation = p.related.map((r) => {
      const target = r.file ? vscode.Uri.joinPath(uri, '..', r.file) : uri;
      return new vscode.DiagnosticRelatedInformation(new vscode.Location(target, toRange(r.range)), r.message);
    });
  }
  if (p.tags?.length) d.tags = p.tags.map((t) => (t === 'deprecated' ? vscode.DiagnosticTag.Deprecated : vscode.DiagnosticTag.Unnecessary));
  return d;
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

export function toCodeAction(uri: vscode.Uri, fix: Fix, diagnostic: vscode.Diagnostic): vscode.CodeAction | undefined {
  const edit = new vscode.WorkspaceEdit();
  // VS Code rewrites the line breaks of inserted text to the document's EOL, so `\r\n` -> `\n` edits would
  // change nothing: the document's end-of-line sequence is set instead.
  if (fix.eol === 'lf') edit.set(uri, [vscode.TextEdit.setEndOfLine(vscode.EndOfLine.LF)]);
  else for (const e of fix.edits ?? []) edit.replace(uri, toRange(e.range), e.newText);
  if (fix.renameTo) edit.renameFile(uri, vscode.Uri.joinPath(uri, '..', fix.renameTo), { overwrite: false });
  if (edit.size === 0 && !fix.renameTo) return undefined;
  const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
  action.edit = edit;
  action.diagnostics = [diagnostic];
  action.isPreferred = fix.isPreferred ?? false;
  return action;
}
