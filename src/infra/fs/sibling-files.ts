// The files next to a linted file, from the disk: the same rules for the CLI and the editor (which puts open
// documents' text in front, src/vscode/siblings.ts), so both report the same problems. Never throws.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { resolveInside } from '../../core/lint/paths';

/** Text of the file `name` (a bare name, no path) in `dir`; undefined when missing, unreadable or not a bare name. */
export function readSiblingFile(dir: string, name: string): string | undefined {
  if (name === '' || name.includes('/') || name.includes('\\') || name === '.' || name === '..') return undefined;
  try {
    return readFileSync(join(dir, name), 'utf8');
  } catch {
    return undefined;
  }
}

/** Whether a file (not a folder) exists at `relative` under `dir`; false for paths that leave `dir`. */
export function fileExistsUnder(dir: string, relative: string): boolean {
  const path = resolveInside(dir, relative);
  if (!path) return false;
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The exact names of the entries in `dir` (a case-insensitive file system opens `Procfile` for `procfile`; these tell them apart); undefined when unreadable. */
export function folderEntries(dir: string): string[] | undefined {
  try {
    return readdirSync(dir);
  } catch {
    return undefined;
  }
}
