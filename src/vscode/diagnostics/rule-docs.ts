// Links from a diagnostic's code to its row in the shipped docs/RULES.md (read once, on the first link).
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { ruleDocLines } from '../../core/lint/rule-docs';

export class RuleDocs {
  private lines: Map<string, number> | undefined;

  constructor(private readonly docsUri: vscode.Uri) {}

  /** RULES.md at the code's row (`#L12`), or the file's top when the code has no row or the file cannot be read. */
  link(code: string): vscode.Uri {
    if (!this.lines) {
      try {
        this.lines = ruleDocLines(readFileSync(this.docsUri.fsPath, 'utf8'));
      } catch {
        this.lines = new Map();
      }
    }
    const line = this.lines.get(code);
    return line === undefined ? this.docsUri : this.docsUri.with({ fragment: `L${line + 1}` });
  }
}
