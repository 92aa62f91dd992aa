// Reads a file next to a document (a bare name, no path): the open editor's text first, then the disk. Never throws.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';

export function siblingsOf(uri: vscode.Uri): (name: string) => string | undefined {
  if (uri.scheme !== 'file') return () => undefined;
  const dir = dirname(uri.fsPath);
  return (name) => {
    if (name.includes('/') || name.includes('\\')) return undefined;
    const path = join(dir, name);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === path);
    if (open) return open.getText();
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  };
}
