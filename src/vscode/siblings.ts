// Reads a file next to a document (a bare name, no path): the open editor's text first, then the disk. Never throws.
// The disk rules are the CLI's (src/infra/fs/sibling-files.ts), so the editor and the CLI see the same files.
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { fileExistsUnder, readSiblingFile } from '../infra/fs/sibling-files';

/** The open (file-scheme) document at an absolute path, if any. */
export function openDocumentAt(path: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === path);
}

export function siblingsOf(uri: vscode.Uri): (name: string) => string | undefined {
  if (uri.scheme !== 'file') return () => undefined;
  const dir = dirname(uri.fsPath);
  return (name) => {
    if (name.includes('/') || name.includes('\\')) return undefined;
    const open = openDocumentAt(join(dir, name));
    return open ? open.getText() : readSiblingFile(dir, name);
  };
}

/** Whether a file exists on disk at a path relative to the document's folder (sub-folders too); undefined off disk. */
export function fileExistsNear(uri: vscode.Uri): (relativePath: string) => boolean | undefined {
  if (uri.scheme !== 'file') return () => undefined;
  const dir = dirname(uri.fsPath);
  return (relativePath) => fileExistsUnder(dir, relativePath);
}
