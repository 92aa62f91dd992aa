// Shared by the app.json / heroku.yml host tests (not a test file itself).
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { name, publisher } from '../../package.json';
import { waitFor } from '../support/wait';

export { waitFor };

export function workspaceDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return folder.uri.fsPath;
}

export const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);
export const codes = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).map(codeOf);
/** Diagnostics from VS Code's JSON language service (anything not ours). */
export const jsonService = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source !== 'heroku');

/** Property completions (the JSON service's keys from the schema; word-based suggestions are left out). */
export async function completionLabels(uri: vscode.Uri, pos: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, pos);
  return list.items.filter((i) => i.kind === vscode.CompletionItemKind.Property)
    .map((i) => (typeof i.label === 'string' ? i.label : i.label.label).replace(/"/g, ''));
}

/**
 * The lint bridge's "<name>: linted <path> (n problem(s))" debug lines, as they are logged: activates the extension
 * and hooks its log channel. `next(tail)` resolves at the next lint of a path ending in `tail` (after the call).
 */
export async function lintLog(): Promise<{ next(tail: string, ms?: number): Promise<string> }> {
  const api = (await vscode.extensions.getExtension(`${publisher}.${name}`)?.activate()) as { services: { log: { channel: unknown } } };
  const ch = api.services.log.channel as { debug: (m: string, ...a: unknown[]) => void; __lintHooked?: string[] };
  if (!ch.__lintHooked) {
    // One hook per extension host, shared by the test files (each is its own bundle).
    const hooked: string[] = (ch.__lintHooked = []);
    const orig = ch.debug.bind(ch);
    ch.debug = (m: string, ...a: unknown[]) => { hooked.push(String(m)); orig(m, ...a); };
  }
  const lines = ch.__lintHooked;
  return {
    next: (tail, ms) => {
      const from = lines.length;
      const wanted = (l: string) => / linted (.*) \(\d+ problem/.exec(l)?.[1].endsWith(tail);
      return waitFor(`a lint of ${tail}`, () => lines.slice(from).find(wanted), ms);
    },
  };
}
