// The preflight's findings as lines for an output channel or a terminal: errors, and warnings when asked.
import type { Preflight } from './ports';

export function preflightLines(p: Preflight, withWarnings = false): string[] {
  return p.files.flatMap((f) => f.problems
    .filter((x) => x.severity === 'error' || (withWarnings && x.severity === 'warning'))
    .map((x) => `${f.name}:${x.range.start.line + 1}: ${x.severity}: ${x.message} (${x.code})`));
}
