// The last step before findings leave core, for the CLI and the editor alike:
// - every message (and related message and fix title) has its control characters escaped: messages quote the
//   file (process type names, keys, values), and a file's text must not drive the terminal the CLI prints to;
// - at most MAX_PROBLEMS findings per file, the most severe first, then one finding that says how many more there
//   are: a broken 10 MB file gives a readable report, not a flood.
import { escapeControl } from '../text/escape';
import type { FileKind, Problem, Severity } from './types';

export const MAX_PROBLEMS = 200;
export const TOO_MANY_RULE = 'too-many-problems';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

function byPosition(a: Problem, b: Problem): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

function escaped(p: Problem): Problem {
  const out: Problem = { ...p, message: escapeControl(p.message) };
  if (p.related) out.related = p.related.map((r) => ({ ...r, message: escapeControl(r.message) }));
  if (p.fixes) out.fixes = p.fixes.map((f) => ({ ...f, title: escapeControl(f.title) }));
  return out;
}

/**
 * `problems` as they may be shown: messages escaped, and past `max` the most severe `max` (in the order given)
 * plus one `<kind>/too-many-problems` finding at the first one left out. Never throws.
 */
export function finishProblems(kind: FileKind, problems: readonly Problem[], max = MAX_PROBLEMS): Problem[] {
  if (problems.length <= max) return problems.map(escaped);
  // Stable: the original order is kept within each severity, and restored for what is kept.
  const order = problems.map((p, i) => ({ p, i })).sort((a, b) => RANK[a.p.severity] - RANK[b.p.severity] || a.i - b.i);
  const kept = order.slice(0, max).sort((a, b) => a.i - b.i).map((x) => escaped(x.p));
  const left = order.slice(max).map((x) => x.p).sort(byPosition);
  const counts = new Map<Severity, number>();
  for (const p of left) counts.set(p.severity, (counts.get(p.severity) ?? 0) + 1);
  const detail = (['error', 'warning', 'info', 'hint'] as const).filter((s) => counts.has(s)).map((s) => `${counts.get(s)} ${s}`).join(', ');
  kept.push({
    code: `${kind}/${TOO_MANY_RULE}`,
    severity: 'info',
    message: `${left.length} more problem${left.length === 1 ? '' : 's'} not shown (${detail}): only the first ${max} of a file are listed. Fix these, or turn noisy rules off, to see the rest.`,
    range: left[0].range,
  });
  return kept;
}
