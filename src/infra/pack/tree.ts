// The pack planner's view of a folder on disk (core/deploy/pack-plan.ts TreeReader): directory listings without
// following symlinks and .gitignore texts. Whether each file can be read is found by the packer, which reads them.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { EntryKind, TreeEntry, TreeReader } from '../../core/deploy/pack-plan';

export function diskTree(root: string): TreeReader {
  const abs = (rel: string) => (rel ? path.join(root, ...rel.split('/')) : root);
  return {
    async list(dir) {
      try {
        const entries = await fs.readdir(abs(dir), { withFileTypes: true });
        return entries.map((e): TreeEntry => ({ name: e.name, kind: kindOf(e) }));
      } catch (err) {
        return { error: reason(err) };
      }
    },
    async readText(rel) {
      try {
        return await fs.readFile(abs(rel), 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}

function kindOf(e: { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }): EntryKind {
  if (e.isSymbolicLink()) return 'symlink';
  if (e.isDirectory()) return 'dir';
  if (e.isFile()) return 'file';
  return 'other';
}

/** A short reason without the absolute path (the planner names the entry itself). */
export function reason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'it vanished while reading';
    case 'ELOOP':
      return 'too many symlinks';
    case 'EIO':
      return 'input/output error';
    default:
      return code ? `cannot read (${code})` : 'cannot read';
  }
}
