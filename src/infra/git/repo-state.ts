// The deploy's git port (core/deploy/ports.ts GitPort): HEAD, whether the deployed folder differs from it, and
// the ignore files above the folder (a monorepo's sub-folder is governed by the repository's outer .gitignore
// files and .git/info/exclude too). Runs the git command; no git, or no repository, reads as "not a repository".
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { GitPort } from '../../core/deploy/ports';
import type { GitState } from '../../core/deploy/version';

function git(cwd: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    // GIT_OPTIONAL_LOCKS=0: `status` must not take the index lock an editor's git extension may be using.
    execFile('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' } },
      (err, stdout) => resolve(err ? undefined : stdout));
  });
}

export async function gitState(folder: string): Promise<GitState> {
  const top = (await git(folder, ['rev-parse', '--show-toplevel']))?.trim();
  if (!top) return { repo: false };
  const [head, branch, subject, status] = await Promise.all([
    git(folder, ['rev-parse', '--verify', '-q', 'HEAD']),
    git(folder, ['rev-parse', '--abbrev-ref', 'HEAD']),
    git(folder, ['log', '-1', '--format=%s']),
    git(folder, ['status', '--porcelain=v1', '-z', '--untracked-files=normal', '--', '.']),
  ]);
  const changed: string[] = [];
  if (status === undefined) changed.push('(git status failed)');
  else {
    const parts = status.split('\0');
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i];
      if (p.length < 4) continue;
      changed.push(p.slice(3));
      if (p[0] === 'R' || p[0] === 'C') i++; // renames carry the old path as the next field
    }
  }
  return { repo: true, head: head?.trim() || null, branch: branch?.trim() || null, subject: subject?.trim() || null, changed };
}

export async function outerIgnores(folder: string): Promise<{ text: string; pathFromThere: string }[]> {
  // One git: the top of the work tree, then the path of info/exclude (a line each).
  const [top, exclude] = ((await git(folder, ['rev-parse', '--show-toplevel', '--git-path', 'info/exclude'])) ?? '').split('\n').map((l) => l.trim());
  if (!top) return [];
  const out: { text: string; pathFromThere: string }[] = [];
  const abs = await fs.realpath(path.resolve(folder)).catch(() => path.resolve(folder));
  if (exclude) {
    const text = await read(path.resolve(folder, exclude));
    if (text) out.push({ text, pathFromThere: rel(top, abs) });
  }
  // Every folder from the top down to (not including) the deployed one.
  const between = rel(top, abs).split('/').filter(Boolean);
  let dir = top;
  for (let i = 0; i < between.length; i++) {
    const text = await read(path.join(dir, '.gitignore'));
    if (text) out.push({ text, pathFromThere: between.slice(i).join('/') });
    dir = path.join(dir, between[i]);
  }
  return out;
}

function rel(from: string, to: string): string {
  return path.relative(from, to).split(path.sep).join('/');
}

async function read(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

export const cliGit: GitPort = { state: gitState, outerIgnores };
