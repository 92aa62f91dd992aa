// What a log tail writes into its output channel, as plain escaped text (the heroku-log grammar colours it; an
// output channel shows no ANSI): a header naming the app and the filters, the lines that pass the filter, and the
// stream's own markers where a gap, a loss or a cut happened. One string per batch, so the channel gets one append.
import { compileLogFilter, describeFilter, type LogFilter } from './filter';
import { stoppedText } from './markers';
import { parseLogLine } from './parse';
import type { LogTailEvent, LogTailFilter } from './ports';
import { markerText, plainText } from './render';
import { describeScrollback } from './scrollback';

/** `— Heroku logs for APP · dyno web.1 · since 23:10:04 —` (a marker line, so the grammar shows it as one). */
export function headerText(app: string, filter: LogTailFilter, since: string, changed = false): string {
  const what = describeFilter(filter) || 'all lines';
  return markerText(changed ? `— filter changed: ${what} · since ${since} —` : `— Heroku logs for ${app} · ${what} · since ${since} —`, false);
}

/** Written after the channel was cleared because it held `limitChars` (heroku.logs.scrollback; scrollback.ts). */
export function clearedText(limitChars: number): string {
  return markerText(`— this channel reached ${describeScrollback(limitChars)} and was cleared; the tail goes on —`, false);
}

export class ChannelText {
  private filter: LogFilter;
  /** Lines written (after the filter), for the status bar's tooltip and the tests. */
  written = 0;

  constructor(filter: LogTailFilter) {
    this.filter = ChannelText.compile(filter);
  }

  /** Heroku filters the session already; this also holds for what a session sends unfiltered (Fir, a replay). */
  private static compile(filter: LogTailFilter): LogFilter {
    const c = compileLogFilter(filter);
    return c.ok ? c.filter : () => true;
  }

  setFilter(filter: LogTailFilter): void {
    this.filter = ChannelText.compile(filter);
  }

  /** The lines of one batch that pass the filter, each ending in a newline ('' when none). */
  lines(raw: readonly string[]): string {
    let out = '';
    for (const r of raw) {
      const line = parseLogLine(r);
      if (!this.filter(line)) continue;
      out += plainText(line) + '\n';
      this.written++;
    }
    return out;
  }

  /**
   * The text an event adds ('' for none). `stopReason` replaces the stream's own words when it was stopped on
   * purpose (by the user, a sign-out). Retries are said once per gap, on the first attempt; the status bar says more.
   */
  event(e: LogTailEvent, stopReason?: string): string {
    switch (e.kind) {
      case 'lines': return this.lines(e.lines);
      case 'reconnected':
      case 'dropped':
      case 'truncated': return markerText(e.text, false) + '\n';
      case 'state':
        if (e.retryInMs === undefined || e.attempt !== 1) return '';
        return markerText(e.state === 'reconnecting'
          ? `— connection lost: ${e.detail ?? 'the log stream ended'}; reconnecting —`
          : `— could not connect: ${e.detail ?? 'no answer'}; trying again —`, false) + '\n';
      case 'end':
        return markerText(e.reason === 'stopped' ? stoppedText(stopReason ?? 'stopped') : e.text, false) + '\n';
    }
  }
}
