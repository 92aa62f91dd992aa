// Paths a linter may read next to the linted file: only inside its folder.
import { isAbsolute, join, normalize, sep } from 'node:path';

/** The absolute path of `relative` (forward slashes, sub-folders allowed) under `dir`, or undefined if it leaves it. */
export function resolveInside(dir: string, relative: string): string | undefined {
  if (relative === '' || isAbsolute(relative)) return undefined;
  const base = normalize(dir);
  const path = normalize(join(base, relative));
  return path.startsWith(base.endsWith(sep) ? base : base + sep) ? path : undefined;
}
