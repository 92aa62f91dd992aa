// The Logs view's rows (one per tail this window started), from each tail's figures: what the row says and which
// menu it gets; and the lines-per-second meter the figures come from. Pure: time comes from the caller. The view's
// redraws are paced by ./pulse.ts.
import type { ViewRow } from '../view-row';
import { describeFilter } from './filter';
import type { LogTailFilter, LogTailState } from './ports';

export type TailRowState = LogTailState | 'stopped' | 'failed';

/** What a tail knows about itself (the editor's AppTail fills it). */
export interface TailFigures {
  app: string;
  filter: LogTailFilter;
  state: TailRowState;
  /** While waiting before a retry, or why it stopped or failed. */
  detail?: string;
  /** Log lines the stream delivered (before the editor's own filter), since this tail began. */
  received: number;
  /** Lines the stream threw away because the reader fell behind. */
  dropped: number;
  /** Lines per second now (LineRate). */
  perSecond: number;
}

export const RUNNING_ROW = 'heroku.logs.tail.running';
export const ENDED_ROW = 'heroku.logs.tail.ended';

/** contextValue: RUNNING_ROW (show, filter, stop) or ENDED_ROW (show, tail again). */
export interface TailRow extends ViewRow {
  /** The app: the commands' argument is the row, and they read `app` from it. */
  app: string;
}

const STATE_WORDS: Record<TailRowState, string> = { connecting: 'connecting…', live: 'live', reconnecting: 'reconnecting…', stopped: 'stopped', failed: 'failed' };

/** `12,345` (grouped by thousands, whatever the locale). */
export function count(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `0.4/s`, `12/s`, `1,200/s`. */
export function rate(perSecond: number): string {
  if (perSecond <= 0) return '0/s';
  return perSecond < 10 ? `${(Math.round(perSecond * 10) / 10).toString()}/s` : `${count(perSecond)}/s`;
}

function icon(state: TailRowState): { icon: string; colour?: string } {
  switch (state) {
    case 'live': return { icon: 'pulse', colour: 'testing.iconPassed' };
    case 'connecting':
    case 'reconnecting': return { icon: 'sync~spin' };
    case 'stopped': return { icon: 'circle-slash' };
    case 'failed': return { icon: 'error', colour: 'testing.iconFailed' };
  }
}

export function tailRow(t: TailFigures): TailRow {
  const running = t.state !== 'stopped' && t.state !== 'failed';
  const filter = describeFilter(t.filter) || 'all lines';
  const parts = [filter, STATE_WORDS[t.state], `${count(t.received)} ${t.received === 1 ? 'line' : 'lines'}`];
  if (running) parts.push(rate(t.perSecond));
  if (t.dropped > 0) parts.push(`${count(t.dropped)} dropped`);
  const tooltip = [
    `Logs of ${t.app} (${filter})`,
    `${STATE_WORDS[t.state]}${t.detail ? `: ${t.detail}` : ''}`,
    `${count(t.received)} lines received${running ? `, ${rate(t.perSecond)} now` : ''}`,
    t.dropped > 0 ? `${count(t.dropped)} lines dropped: the reader could not keep up` : undefined,
  ].filter((l): l is string => l !== undefined).join('\n');
  return { app: t.app, label: t.app, description: parts.join(' · '), tooltip, ...icon(t.state), contextValue: running ? RUNNING_ROW : ENDED_ROW };
}

/** Running tails first, each group in the order the tails began. */
export function tailRows(list: readonly TailFigures[]): TailRow[] {
  const ended = (t: TailFigures) => t.state === 'stopped' || t.state === 'failed';
  return [...list.filter((t) => !ended(t)), ...list.filter(ended)].map(tailRow);
}

/**
 * Lines per second over the last `windowMs` (3 s): counts kept in quarter-second buckets, so memory stays small at any
 * rate. A tail younger than the window is measured over its age (at least one second, so a first batch is no spike).
 */
export class LineRate {
  private static readonly BUCKET_MS = 250;
  private readonly buckets: { at: number; n: number }[] = [];

  constructor(private readonly since: number, private readonly windowMs = 3000) {}

  add(lines: number, now: number): void {
    const at = Math.floor(now / LineRate.BUCKET_MS);
    const last = this.buckets[this.buckets.length - 1];
    if (last?.at === at) last.n += lines;
    else this.buckets.push({ at, n: lines });
    this.prune(now);
  }

  perSecond(now: number): number {
    this.prune(now);
    const total = this.buckets.reduce((s, b) => s + b.n, 0);
    if (total === 0) return 0;
    const span = Math.max(1000, Math.min(this.windowMs, now - this.since));
    return total / (span / 1000);
  }

  private prune(now: number): void {
    const oldest = Math.floor((now - this.windowMs) / LineRate.BUCKET_MS);
    while (this.buckets.length > 0 && this.buckets[0].at <= oldest) this.buckets.shift();
  }
}
