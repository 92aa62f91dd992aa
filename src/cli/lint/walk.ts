// Finds lintable files under the given paths (Node fs; the CLI is the only caller).
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { fileKindOf, SKIPPED_DIRS } from '../../core/lint/files';
import type { FileKind } from '../../core/lint/types';

export interface Found {
  path: string;
  kind: FileKind;
}

export type WalkResult = { files: Found[]; errors: string[] };

const MAX_DEPTH = 12;

export function findLintFiles(paths: string[]): WalkResult {
  const result: WalkResult = { files: [], errors: [] };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      result.errors.push(`${p}: no such file or folder`);
      continue;
    }
    if (st.isDirectory()) {
      walk(p, 0, result);
    } else {
      const kind = fileKindOf(baseName(p));
      if (kind) result.files.push({ path: p, kind });
      else result.errors.push(`${p}: not a Procfile, app.json or heroku.yml (the kind comes from the file name)`);
    }
  }
  return result;
}

function walk(dir: string, depth: number, result: WalkResult): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    result.errors.push(`${dir}: cannot read folder`);
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const full = join(dir, e.name);
    if (e.isDirectory()) {
      if (depth < MAX_DEPTH && !SKIPPED_DIRS.has(e.name)) walk(full, depth + 1, result);
    } else if (e.isFile()) {
      const kind = fileKindOf(e.name);
      if (kind) result.files.push({ path: full, kind });
    }
  }
}

function baseName(p: string): string {
  const parts = p.split(/[\\/]/).filter(Boolean);
  return parts[parts.length - 1] ?? p;
}
