// Finds git repositories in workspace folders (and sub-folders of a monorepo) and reads their Heroku remotes.
// Handles `.git` directories and `.git` files (worktrees, submodules: `gitdir: <path>`, with `commondir`).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { herokuRemotesFromConfig, type FoundRemote } from '../../core/git/remotes';
import type { FindRemotesOptions } from '../../core/heroku/ports';

export type { FoundRemote };

export interface FindOptions extends FindRemotesOptions {
  /** Stop after this many folders in total (a safety net for huge trees). Default 5000. */
  maxFolders?: number;
}

const SKIP = new Set(['node_modules', 'vendor', 'dist', 'out', 'build', 'target', 'bower_components', '__pycache__', 'venv', '.venv']);

async function readText(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The config file of the repository whose `.git` entry is at `dotGit`, or undefined. */
export async function gitConfigPath(dotGit: string): Promise<string | undefined> {
  let stat;
  try {
    stat = await fs.stat(dotGit);
  } catch {
    return undefined;
  }
  let gitDir = dotGit;
  if (stat.isFile()) {
    const m = /^gitdir:\s*(.+?)\s*$/m.exec((await readText(dotGit)) ?? '');
    if (!m) return undefined;
    gitDir = path.resolve(path.dirname(dotGit), m[1]);
  }
  // A linked worktree keeps its config in the common dir.
  const common = (await readText(path.join(gitDir, 'commondir')))?.trim();
  const configDir = common ? path.resolve(gitDir, common) : gitDir;
  const config = path.join(configDir, 'config');
  return (await readText(config)) === undefined ? undefined : config;
}

/** Every Heroku remote in the roots and their sub-folders (breadth-first, hidden and build folders skipped; depth 3 by default). */
export async function findHerokuRemotes(roots: readonly string[], options: FindOptions = {}): Promise<FoundRemote[]> {
  const depth = options.depth ?? 3;
  let budget = options.maxFolders ?? 5000;
  const out: FoundRemote[] = [];
  const seenConfigs = new Set<string>();
  let queue: string[] = [...new Set(roots.map((r) => path.resolve(r)))];
  for (let level = 0; level <= depth && queue.length > 0; level++) {
    const next: string[] = [];
    for (const folder of queue) {
      if (options.signal?.aborted || budget-- <= 0) return out;
      const config = await gitConfigPath(path.join(folder, '.git'));
      if (config) options.gitConfigs?.add(config);
      if (config && !seenConfigs.has(`${config}\0${folder}`)) {
        seenConfigs.add(`${config}\0${folder}`);
        const text = (await readText(config)) ?? '';
        for (const r of herokuRemotesFromConfig(text)) out.push({ ...r, folder });
      }
      if (level === depth) continue;
      let entries: import('node:fs').Dirent[];
      try {
        entries = await fs.readdir(folder, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const e of entries) {
        if (e.isDirectory() && !e.name.startsWith('.') && !SKIP.has(e.name)) next.push(path.join(folder, e.name));
      }
    }
    queue = next;
  }
  return out;
}
