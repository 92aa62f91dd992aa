import type { Timeline } from './types';

/** Text that appears line by line over clock time (build output, release phases, CI); see routes/stream.ts. */
export function emptyTimeline(): Timeline {
  return { lines: [], times: [], done: false };
}

/** A finished timeline whose lines all appeared at `at` (seeded history). */
export function pastTimeline(lines: string[], at: number): Timeline {
  return { lines: [...lines], times: lines.map(() => at), done: true };
}

/**
 * Appends steps from `start`, one `stepMs` apart; a step given as `[line, n]` takes n steps (slow work such as
 * installing dependencies). Returns the time after the last step.
 */
export function addSteps(t: Timeline, start: number, stepMs: number, steps: readonly (string | readonly [string, number])[]): number {
  let at = start;
  for (const s of steps) {
    const [line, weight] = typeof s === 'string' ? [s, 1] : s;
    t.lines.push(line);
    t.times.push(at);
    at += stepMs * weight;
  }
  return at;
}

/** How many lines have appeared by `now`. */
export function dueCount(t: Timeline, now: number): number {
  let n = 0;
  while (n < t.times.length && t.times[n] <= now) n++;
  return n;
}

/** The text that has appeared by `now`, one `\n` after each line. */
export function dueText(t: Timeline, now: number): string {
  return t.lines.slice(0, dueCount(t, now)).map((l) => `${l}\n`).join('');
}
