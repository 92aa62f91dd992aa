// What the editor needs to tail an app's logs, declared here and implemented by src/infra/logstream (tailer.ts over
// tail.ts), which the composition root builds on first use. The events are typed values: a gap, a loss, a cut line or
// the end always arrives with the text to show, never as silence.
import type { HerokuError } from '../heroku/result';

export type LogTailState = 'connecting' | 'live' | 'reconnecting';

export type LogTailEvent =
  /** Log lines, in order, as received (without line terminators). */
  | { kind: 'lines'; lines: string[] }
  /** The connection's state changed; `retryInMs` when waiting before the next attempt. */
  | { kind: 'state'; state: LogTailState; detail?: string; retryInMs?: number; attempt?: number }
  /** Back after a drop: `missing` unless the replayed history proved no line was lost. */
  | { kind: 'reconnected'; afterMs: number; missing: boolean; text: string }
  /** Lines thrown away because the reader did not keep up (overflow: 'drop'). */
  | { kind: 'dropped'; count: number; text: string }
  /** A line longer than the limit: its start was delivered, the rest skipped. */
  | { kind: 'truncated'; skippedChars: number; text: string }
  /** The last event: the session ended (no tail), the tail was stopped, or it failed for good. */
  | { kind: 'end'; reason: 'complete' | 'stopped' | 'failed'; text: string; error?: HerokuError };

/** Heroku-side filters of a tail (what `heroku logs --dyno/--type/--source` send). */
export interface LogTailFilter {
  /** A dyno (`web.1`, `web-…-x7k2q`) or, on Cedar, a process type. */
  dyno?: string;
  /** Process type (sent as `type` on Fir, as `dyno` on Cedar). */
  type?: string;
  /** `app` or `heroku`. */
  source?: string;
}

export interface LogTailRequest extends LogTailFilter {
  app: string;
  /** Cedar: lines of history before the live tail (default 100). */
  lines?: number;
  signal?: AbortSignal;
}

/** A running tail: iterate for its events (the last one is `end`); stop() ends it for good. */
export interface LogTailHandle extends AsyncIterable<LogTailEvent> {
  stop(): void;
}

/** Starts a tail with the session's current client (an `end` event of reason `failed` when signed out). */
export type LogTailer = (request: LogTailRequest) => LogTailHandle;
