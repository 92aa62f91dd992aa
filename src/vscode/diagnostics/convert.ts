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

/** `docLink` gives the page that explains a code (docs/RULES.md at its row). */
export function toDiagnostic(uri: vscode.Uri, p: Problem, docLink?: (code: string) => vscode.Uri): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(p.range), p.message, SEVERITY[p.severity]);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = docLink ? { value: p.code, target: docLink(p.code) } : p.code;
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

/** Sets a document's line endings to LF (the command behind fixes with `eol: 'lf'`; src/vscode/procfile registers it). */
export const SET_LF_COMMAND = 'heroku.lint.useLfLineEndings';

export async function useLfLineEndings(uri: unknown): Promise<boolean> {
  if (typeof uri !== 'string') return false;
  const edit = new vscode.WorkspaceEdit();
  edit.set(vscode.Uri.parse(uri), [vscode.TextEdit.setEndOfLine(vscode.EndOfLine.LF)]);
  return vscode.workspace.applyEdit(edit);
}

export function toCodeAction(uri: vscode.Uri, fix: Fix, diagnostic: vscode.Diagnostic): vscode.CodeAction | undefined {
  const edit = new vscode.WorkspaceEdit();
  // VS Code rewrites the line breaks of inserted text to the document's EOL, so `\r\n` -> `\n` edits would change
  // nothing: the document's end-of-line sequence is set instead, by a command (an end-of-line edit inside a code
  // action's WorkspaceEdit does not survive vscode.executeCodeActionProvider's conversion).
  const eol = fix.eol === 'lf';
  if (!eol) for (const e of fix.edits ?? []) edit.replace(uri, toRange(e.range), e.newText);
  if (fix.renameTo) edit.renameFile(uri, vscode.Uri.joinPath(uri, '..', fix.renameTo), { overwrite: false });
  if (edit.size === 0 && !fix.renameTo && !eol) return undefined;
  const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
  if (edit.size > 0 || fix.renameTo) action.edit = edit;
  if (eol) action.command = { command: SET_LF_COMMAND, title: fix.title, arguments: [uri.toString()] };
  action.diagnostics = [diagnostic];
  action.isPreferred = fix.isPreferred ?? false;
  return action;
}
