// What a log tail yields, and how it is configured. Lines come in batches (a busy app sends hundreds of thousands a
// second; one await per line would cost more than parsing them); everything else the stream has to say is a typed
// event with the text to show, so a gap or a loss is never silent.
import type { HerokuError } from '../../core/heroku/result';
import type { LogSessionRequest } from '../../core/heroku/types';
import type { LogTailEvent, LogTailState } from '../../core/logs/ports';
import type { Clock } from '../../core/heroku/ports';

// The event types are the core port's (src/core/logs/ports.ts): the editor reads them without importing infra.
export type TailState = LogTailState;
export type TailEvent = LogTailEvent;

/** The part of HerokuClient a tail needs. */
export interface LogApi {
  createLogSession(app: string, body: LogSessionRequest, o?: { signal?: AbortSignal }): Promise<
    { ok: true; value: { logplex_url: string } } | { ok: false; error: HerokuError }>;
  app(app: string, o?: { signal?: AbortSignal }): Promise<
    { ok: true; value: { generation?: { name: string } | string } } | { ok: false; error: HerokuError }>;
}

export interface TailOptions {
  app: string;
  /** Heroku-side filters: a dyno (`web.1`, `web-…-x7k2q`) or, on Cedar, a process type. */
  dyno?: string;
  /** Process type (Fir sends it as `type`; Cedar as `dyno`). */
  type?: string;
  /** `app` or `heroku`. */
  source?: string;
  /** Cedar: history lines before the tail (default 100, at most 1500). Fir ignores it. */
  lines?: number;
  /** Cedar: keep streaming (default true). Fir always tails. */
  tail?: boolean;
  /** Skip the GET /apps/{app} that tells the generation. */
  generation?: 'cedar' | 'fir';
  signal?: AbortSignal;
  clock?: Clock;
  random?: () => number;
  /** What to ask logplex for (default both, SSE preferred, as the Heroku CLI's EventSource). */
  accept?: 'sse' | 'plain' | 'any';
  /** Reconnect delays: exponential from baseMs to maxMs with jitter; reset after healthyMs of a live stream. */
  backoff?: { baseMs?: number; maxMs?: number; healthyMs?: number };
  /** Reconnect when nothing arrives for this long (default 5 minutes; quiet apps are quiet). */
  silenceMs?: number;
  /** Fir: open a new session this often (default 15 minutes, as the CLI) and overlap the two for overlapMs. */
  renewMs?: number;
  overlapMs?: number;
  /** Buffered characters at which the stream pauses the connection (default 1 Mi). */
  highWaterChars?: number;
  /** `pause` (default): hold the connection while the reader is behind. `drop`: keep reading, drop what does not fit. */
  overflow?: 'pause' | 'drop';
  /** overflow 'drop': buffered characters beyond which new lines are dropped (default 8 Mi). */
  maxBufferedChars?: number;
  /** Longer lines are cut (default 4 Mi characters; Heroku itself splits dyno lines at 10,000 bytes). */
  maxLineChars?: number;
  connectTimeoutMs?: number;
  /** Cedar: history asked on a reconnect to find the lines missed (default 1500, Heroku's maximum). */
  resyncLines?: number;
  /** Cedar: how long to wait for the replay to reach our last line before giving up on matching. */
  resyncTimeoutMs?: number;
  userAgent?: string;
}
