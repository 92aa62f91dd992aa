// Reads a file next to a document (a bare name, no path): the open editor's text first, then the disk (the
// FileSystem port, whose rules the CLI shares, so both report the same problems). Never throws.
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import type { FileSystem } from '../core/heroku/ports';

/** The open (file-scheme) document at an absolute path, if any. */
export function openDocumentAt(path: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === path);
}

export function siblingsOf(files: FileSystem, uri: vscode.Uri): (name: string) => string | undefined {
  if (uri.scheme !== 'file') return () => undefined;
  const dir = dirname(uri.fsPath);
  return (name) => {
    if (name.includes('/') || name.includes('\\')) return undefined;
    const open = openDocumentAt(join(dir, name));
    return open ? open.getText() : files.readSibling(dir, name);
  };
}

/** Whether a file exists on disk at a path relative to the document's folder (sub-folders too); undefined off disk. */
export function fileExistsNear(files: FileSystem, uri: vscode.Uri): (relativePath: string) => boolean | undefined {
  if (uri.scheme !== 'file') return () => undefined;
  const dir = dirname(uri.fsPath);
  return (relativePath) => files.fileExistsUnder(dir, relativePath);
}
