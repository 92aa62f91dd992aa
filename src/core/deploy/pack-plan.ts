// Which files a deploy uploads: everything under the folder that git would not ignore (.gitignore files at
// every level, as git reads them, plus those above the folder in a monorepo), never `.git` nor `.env`, symlinks
// as symlinks (never followed), and a clear list of what cannot be read. Pure: the folder is read through a port.
import { GitignoreStack } from './ignore-rules';

export type EntryKind = 'file' | 'dir' | 'symlink' | 'other';

export interface TreeEntry {
  name: string;
  kind: EntryKind;
}

/** Reads the folder being packed. Paths are relative to it, '/'-separated ('' = the folder itself). */
export interface TreeReader {
  /** The folder's entries, or an error message when it cannot be listed. */
  list(dir: string): Promise<TreeEntry[] | { error: string }>;
  /** A text file's content (.gitignore), or undefined when absent or unreadable. */
  readText(path: string): Promise<string | undefined>;
  /**
   * undefined when the file can be read; otherwise why not (e.g. 'permission denied'). Optional: a packer that
   * reads every file anyway names the unreadable ones itself (infra/pack/tarball.ts does), at no extra cost.
   */
  unreadable?(path: string): Promise<string | undefined>;
}

export interface PackProblem {
  path: string;
  reason: string;
}

export interface PackPlan {
  /** Files and symlinks to pack, sorted, relative to the folder ('/'-separated). */
  entries: string[];
  symlinks: number;
  /** Left out by rule whatever .gitignore says (.git, .env), for the log. */
  neverPacked: string[];
  ignoredCount: number;
  /** Entries that cannot be packed: the deploy must stop and name them. */
  problems: PackProblem[];
}

export interface PlanOptions {
  /** .gitignore files above the folder, outermost first (see GitignoreStack.withOuter). */
  outer?: { text: string; pathFromThere: string }[];
  /** How many directory listings run at once. */
  concurrency?: number;
}

/** Never uploaded, at any depth: git's own folder (or a submodule's `.git` file) and the local secrets file. */
export const NEVER_PACKED: ReadonlySet<string> = new Set(['.git', '.env']);

export async function planPack(reader: TreeReader, options: PlanOptions = {}): Promise<PackPlan> {
  let base = GitignoreStack.empty();
  for (const o of options.outer ?? []) base = base.withOuter(o.text, o.pathFromThere);
  const plan: PackPlan = { entries: [], symlinks: 0, neverPacked: [], ignoredCount: 0, problems: [] };
  const files: string[] = [];
  // Breadth-first with a bounded number of folders read at once: deep trees do not recurse, wide ones stay fast.
  let level: { dir: string; rules: GitignoreStack }[] = [{ dir: '', rules: base }];
  const limit = Math.max(1, options.concurrency ?? 16);
  while (level.length > 0) {
    const next: { dir: string; rules: GitignoreStack }[] = [];
    for (let i = 0; i < level.length; i += limit) {
      await Promise.all(level.slice(i, i + limit).map((d) => visit(reader, d.dir, d.rules, plan, files, next)));
    }
    level = next;
  }
  const unreadable = reader.unreadable?.bind(reader);
  if (unreadable) {
    const checks = await mapLimit(files, limit * 4, async (f) => ({ f, why: await unreadable(f) }));
    for (const { f, why } of checks) if (why) plan.problems.push({ path: f, reason: why });
  }
  plan.entries.sort();
  plan.neverPacked.sort();
  plan.problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return plan;
}

async function visit(reader: TreeReader, dir: string, inherited: GitignoreStack, plan: PackPlan, files: string[],
  next: { dir: string; rules: GitignoreStack }[]): Promise<void> {
  const listed = await reader.list(dir);
  if ('error' in listed) {
    plan.problems.push({ path: dir || '.', reason: listed.error });
    return;
  }
  const join = (name: string) => (dir ? `${dir}/${name}` : name);
  let rules = inherited;
  if (listed.some((e) => e.name === '.gitignore' && e.kind === 'file')) {
    const text = await reader.readText(join('.gitignore'));
    if (text !== undefined) rules = rules.withFolder(dir, text);
  }
  for (const e of listed) {
    const path = join(e.name);
    if (NEVER_PACKED.has(e.name)) {
      plan.neverPacked.push(path);
      continue;
    }
    if (rules.ignores(e.kind === 'dir' ? `${path}/` : path)) {
      plan.ignoredCount++;
      continue;
    }
    switch (e.kind) {
      case 'dir':
        next.push({ dir: path, rules });
        break;
      case 'symlink':
        plan.entries.push(path);
        plan.symlinks++;
        break;
      case 'file':
        plan.entries.push(path);
        files.push(path);
        break;
      default:
        plan.problems.push({ path, reason: 'not a regular file, folder or symlink (a socket, pipe or device)' });
    }
  }
}

async function mapLimit<T, U>(items: readonly T[], limit: number, fn: (t: T) => Promise<U>): Promise<U[]> {
  const out: U[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** One sentence naming what cannot be packed (at most `max` paths, then a count). */
export function describeProblems(problems: readonly PackProblem[], max = 5): string {
  const shown = problems.slice(0, max).map((p) => `${p.path} (${p.reason})`);
  const more = problems.length > max ? ` and ${problems.length - max} more` : '';
  return `Cannot pack ${problems.length === 1 ? 'this entry' : `${problems.length} entries`}: ${shown.join(', ')}${more}. ` +
    'Make them readable, or add them to .gitignore.';
}
