// Completion: process types at the start of a line; commands for the detected stack after the colon;
// Heroku's variables after `$`.
import * as vscode from 'vscode';
import type { FileSystem } from '../../core/heroku/ports';
import { PROCESS_TYPES, VARIABLES } from '../../core/procfile/knowledge';
import { parseProcfile } from '../../core/procfile/parser';
import { suggestCommands } from '../../core/procfile/stack';
import { siblingsOf } from '../siblings';

const COMMON_TYPES = ['web', 'worker', 'release', 'clock'];

export class ProcfileCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly files: FileSystem) {}

  provideCompletionItems(doc: vscode.TextDocument, pos: vscode.Position): vscode.CompletionItem[] {
    const before = doc.lineAt(pos.line).text.slice(0, pos.character);
    if (/^\s*#/.test(before)) return [];
    const dollar = /\$\{?([A-Za-z_]\w*)?$/.exec(before);
    if (dollar) return this.variables(pos, dollar[0]);
    const suggestions = suggestCommands(siblingsOf(this.files, doc.uri));
    if (/^\s*[\w-]*$/.test(before)) return this.processTypes(doc, pos, before, suggestions);
    const entry = parseProcfile(before).entries[0];
    if (!entry) return [];
    return suggestions
      .filter((s) => s.processType === entry.name || !COMMON_TYPES.includes(entry.name))
      .map((s, i) => {
        const item = new vscode.CompletionItem(s.command, vscode.CompletionItemKind.Snippet);
        item.detail = s.detail;
        item.sortText = String(i).padStart(3, '0');
        item.range = new vscode.Range(pos.line, entry.commandRange.start.character, pos.line, pos.character);
        return item;
      });
  }

  private processTypes(doc: vscode.TextDocument, pos: vscode.Position, before: string, suggestions: ReturnType<typeof suggestCommands>): vscode.CompletionItem[] {
    const declared = new Set(parseProcfile(doc.getText()).entries.filter((e) => e.line !== pos.line).map((e) => e.name));
    const names = [...new Set([...COMMON_TYPES, ...suggestions.map((s) => s.processType)])].filter((n) => !declared.has(n));
    const wordStart = before.length - before.trimStart().length;
    return names.map((name, i) => {
      const item = new vscode.CompletionItem(name, vscode.CompletionItemKind.Function);
      const cmd = suggestions.find((s) => s.processType === name)?.command;
      item.insertText = new vscode.SnippetString(`${name}: \${1:${(cmd ?? '').replace(/[$}\\]/g, '\\$&')}}`);
      item.detail = cmd ? `${name}: ${cmd}` : `${name} process type`;
      item.documentation = new vscode.MarkdownString(PROCESS_TYPES[name] ?? '');
      item.sortText = String(i).padStart(3, '0');
      item.range = new vscode.Range(pos.line, 0, pos.line, pos.character);
      if (wordStart > 0) item.filterText = before;
      return item;
    });
  }

  private variables(pos: vscode.Position, typed: string): vscode.CompletionItem[] {
    return Object.entries(VARIABLES).map(([name, doc]) => {
      const item = new vscode.CompletionItem(`$${name}`, vscode.CompletionItemKind.Variable);
      item.insertText = typed.startsWith('${') ? `\${${name}}` : `$${name}`;
      item.filterText = typed.startsWith('${') ? `\${${name}` : `$${name}`;
      item.range = new vscode.Range(pos.line, pos.character - typed.length, pos.line, pos.character);
      item.documentation = new vscode.MarkdownString(doc);
      return item;
    });
  }
}
