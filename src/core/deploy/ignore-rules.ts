// .gitignore matching as git does it: each .gitignore file applies to its own folder and below, with paths
// relative to that folder; a deeper file's last matching pattern wins over a shallower one's. The patterns
// themselves are parsed by the maintained `ignore` package (no I/O; case-sensitive like git on Linux).
import ignore, { type Ignore } from 'ignore';

/** One .gitignore: `base` is its folder relative to the packed root ('' = the root; '..' parts for outer ones). */
interface Layer {
  /** Prefix to put before a root-relative path to make it relative to the .gitignore's folder ('' or 'sub/'). */
  prefix: string;
  /** Only paths under this root-relative folder are governed by it ('' = all). */
  scope: string;
  rules: Ignore;
}

export type IgnoreVerdict = 'ignored' | 'unignored' | 'none';

export class GitignoreStack {
  private constructor(private readonly layers: readonly Layer[]) {}

  static empty(): GitignoreStack {
    return new GitignoreStack([]);
  }

  /**
   * Rules from folders above the packed root (a monorepo's sub-folder): `pathFromThere` is the packed root's
   * path relative to that folder ('apps/web'), so its patterns see the same paths git would.
   */
  withOuter(text: string, pathFromThere: string): GitignoreStack {
    if (!hasPatterns(text)) return this;
    const prefix = pathFromThere ? `${pathFromThere.replace(/\/+$/, '')}/` : '';
    return new GitignoreStack([...this.layers, { prefix, scope: '', rules: compile(text) }]);
  }

  /** The rules of `<dir>/.gitignore` (dir relative to the packed root, '' for the root), deeper than all so far. */
  withFolder(dir: string, text: string): GitignoreStack {
    if (!hasPatterns(text)) return this;
    const scope = dir ? `${dir}/` : '';
    return new GitignoreStack([...this.layers, { prefix: '', scope, rules: compile(text) }]);
  }

  /** Whether a root-relative path (folders with a trailing '/') is excluded: the deepest layer that has a say decides. */
  verdict(path: string): IgnoreVerdict {
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const layer = this.layers[i];
      if (layer.scope && !path.startsWith(layer.scope)) continue;
      const rel = layer.prefix + path.slice(layer.scope.length);
      if (!rel || rel === '/') continue;
      const t = layer.rules.test(rel);
      if (t.ignored) return 'ignored';
      if (t.unignored) return 'unignored';
    }
    return 'none';
  }

  ignores(path: string): boolean {
    return this.verdict(path) === 'ignored';
  }
}

/**
 * False when every line is a comment ('#' first) or blank (nothing but spaces), as in git's default
 * .git/info/exclude: such a file adds no layer, since one without rules has no say on any path and yet cost a
 * test per path (the plan of bench/deploy.bench.ts's tree: min 15 -> 11 ms). Anything else counts as a pattern.
 */
function hasPatterns(text: string): boolean {
  for (const line of text.split('\n')) if (line[0] !== '#' && !/^ *\r?$/.test(line)) return true;
  return false;
}

function compile(text: string): Ignore {
  // `ignore` throws on nothing it is given as text; a line it cannot parse is skipped, as git does.
  return ignore({ ignoreCase: false, allowRelativePaths: true }).add(text);
}
