// A log tail: session → logplex stream → batches of lines, for as long as the reader wants. When the stream drops,
// errors or goes silent it reconnects with exponential backoff and jitter, always with a new session (an old
// logplex_url may have expired); on Cedar it asks for the recent history again and matches it against what it
// delivered, so the lines written in between come back and the marker can say whether any may be missing. Fir
// sessions are renewed every 15 minutes with the old and new streams overlapping, so renewal loses nothing either.
import { reconnectedText, stoppedText, truncatedText } from '../../core/logs/markers';
import { RecentLines, ResyncWindow } from '../../core/logs/resync';
import type { HerokuError } from '../../core/heroku/result';
import { backoffDelay, DEFAULT_RETRY } from '../heroku/retry';
import type { Clock } from '../../core/heroku/ports';
import { systemClock } from '../clock';
import { acceptHeader, Connection, type ConnectionEnd } from './connection';
import type { LogApi, TailEvent, TailOptions, TailState } from './events';
import { EventQueue } from './queue';
import { renewSession } from './renew';
import { createSession, detectGeneration, failureText, sessionBody, type Generation } from './session';

export interface LogTail extends AsyncIterable<TailEvent> {
  /** Stops for good: closes the HTTP request, ends the iteration. */
  stop(): void;
}

/** Starts tailing when iteration starts. `api` is a HerokuClient (or anything with its two methods). */
export function tailLogs(api: LogApi, opts: TailOptions): LogTail {
  return new Tail(api, opts);
}

const MINUTE = 60_000;

export class Tail implements LogTail {
  readonly clock: Clock;
  readonly ac = new AbortController();
  readonly queue: EventQueue;
  private readonly recent: RecentLines;
  private readonly random: () => number;
  private started = false;
  gen: Generation = 'cedar';
  /** The connection whose lines are delivered now. */
  conn: Connection | undefined;
  /** Set while a Fir renewal is switching connections. */
  renewing: Promise<unknown> | undefined;
  private resync: { window: ResyncWindow; afterMs: number; cancel: () => void } | undefined;
  /** When the current gap began, until a reconnected stream delivers its first line. */
  private gapSince: number | undefined;

  constructor(readonly api: LogApi, readonly o: TailOptions) {
    this.clock = o.clock ?? systemClock;
    this.random = o.random ?? Math.random;
    this.recent = new RecentLines(this.resyncLines);
    this.queue = new EventQueue(
      { highWaterChars: o.highWaterChars ?? 1 << 20, overflow: o.overflow ?? 'pause', maxChars: o.maxBufferedChars ?? 8 << 20 },
      (paused) => (paused ? this.conn?.pause() : this.conn?.resume()),
    );
    if (o.signal?.aborted) this.ac.abort();
    o.signal?.addEventListener('abort', () => this.stop(), { once: true });
  }

  private get resyncLines(): number {
    return Math.max(1, Math.min(1500, this.o.resyncLines ?? 1500));
  }

  [Symbol.asyncIterator](): AsyncIterator<TailEvent> {
    if (!this.started) {
      this.started = true;
      void this.run();
    }
    return {
      next: async () => {
        const e = await this.queue.next();
        return e ? { value: e, done: false } : { value: undefined, done: true };
      },
      return: async () => {
        this.stop();
        return { value: undefined, done: true };
      },
    };
  }

  stop(): void {
    this.ac.abort();
    this.conn?.close();
  }

  private get stopped(): boolean {
    return this.ac.signal.aborted;
  }

  private async run(): Promise<void> {
    try {
      await this.loop();
    } catch (e) {
      this.queue.push({ kind: 'end', reason: 'failed', text: stoppedText((e as Error)?.message ?? String(e)) });
    } finally {
      this.conn?.close();
      this.resync?.cancel();
      this.queue.close();
    }
  }

  private state(state: TailState, extra: Omit<Extract<TailEvent, { kind: 'state' }>, 'kind' | 'state'> = {}): void {
    this.queue.push({ kind: 'state', state, ...extra });
  }

  private fail(error: HerokuError): void {
    this.queue.push({ kind: 'end', reason: 'failed', text: stoppedText(failureText(error)), error });
  }

  /** Waits before attempt number `attempt` (0-based), saying so. */
  private async wait(state: TailState, attempt: number, reason: string): Promise<void> {
    const b = this.o.backoff ?? {};
    const delay = backoffDelay({ ...DEFAULT_RETRY, baseDelayMs: b.baseMs ?? 1000, maxDelayMs: b.maxMs ?? 30_000 }, attempt, this.random);
    this.state(state, { retryInMs: delay, attempt: attempt + 1, detail: reason });
    await this.clock.sleep(delay, this.ac.signal).catch(() => undefined);
  }

  connect(url: string, onLine?: (line: string) => void): Connection {
    return new Connection({
      url, accept: acceptHeader(this.o.accept ?? 'any'), userAgent: this.o.userAgent ?? 'heroku-workflows', clock: this.clock,
      maxLineChars: this.o.maxLineChars ?? 4 << 20, connectTimeoutMs: this.o.connectTimeoutMs ?? 30_000,
      silenceMs: this.o.silenceMs ?? 5 * MINUTE,
      onLine: onLine ?? ((l) => this.onLine(l)),
      onTruncated: (n) => this.queue.push({ kind: 'truncated', skippedChars: n, text: truncatedText(n) }),
    });
  }

  private async loop(): Promise<void> {
    const { api, o } = this;
    const signal = this.ac.signal;
    let attempt = 0;
    if (o.generation) this.gen = o.generation;
    while (!o.generation && !this.stopped) {
      const g = await detectGeneration(api, o.app, signal);
      if (this.stopped) break;
      if (g.ok) {
        this.gen = g.value;
        break;
      }
      if (g.fatal) return this.fail(g.error);
      await this.wait('connecting', attempt++, failureText(g.error));
    }
    let lostAt: number | undefined;
    let everLive = false;
    while (!this.stopped) {
      const phase: TailState = everLive ? 'reconnecting' : 'connecting';
      if (attempt === 0) this.state(phase);
      const lines = everLive && this.gen === 'cedar' && this.recent.length > 0 ? this.resyncLines : (o.lines ?? 100);
      const s = await createSession(api, o.app, sessionBody(this.gen, o, lines), signal);
      if (this.stopped) break;
      if (!s.ok) {
        if (s.fatal) return this.fail(s.error);
        await this.wait(phase, attempt++, failureText(s.error));
        continue;
      }
      const conn = this.connect(s.value);
      const opened = await conn.open();
      if (this.stopped) {
        conn.close();
        break;
      }
      if (!opened.ok) {
        const expired = opened.status === 404 || opened.status === 410 || opened.status === 403;
        await this.wait(phase, attempt++, expired ? `${opened.reason}: the session expired; opening a new one` : opened.reason);
        continue;
      }
      const liveAt = this.clock.now();
      this.conn = conn;
      // The marker waits for the first line: a connection that drops before it does not end the gap.
      this.gapSince = lostAt;
      everLive = true;
      this.state('live');
      if (!this.queue.isPaused) conn.start();
      const cancelRenewal = this.gen === 'fir' ? this.scheduleRenewal() : () => undefined;
      const end = await this.follow();
      cancelRenewal();
      if (this.stopped) break;
      this.endResync();
      if (end.kind === 'ended' && this.gen === 'cedar' && o.tail === false) {
        this.queue.push({ kind: 'end', reason: 'complete', text: stoppedText('the session sent all its lines') });
        return;
      }
      const now = this.clock.now();
      lostAt = this.gapSince ?? now;
      this.gapSince = undefined;
      if (now - liveAt >= (o.backoff?.healthyMs ?? 30_000)) attempt = 0;
      await this.wait('reconnecting', attempt++, end.kind === 'dropped' ? end.reason : 'the log stream ended');
    }
    this.queue.push({ kind: 'end', reason: 'stopped', text: stoppedText('stopped') });
  }

  /** The current connection's end, following a renewal to the connection that took over. */
  private async follow(): Promise<ConnectionEnd> {
    for (;;) {
      const current = this.conn as Connection;
      const end = await current.done;
      if (this.renewing) await this.renewing;
      if (this.conn === current || this.stopped) return end;
    }
  }

  private scheduleRenewal(): () => void {
    let cancel = (): void => undefined;
    let active = true;
    const every = (ms: number): void => {
      const timer = this.clock.setTimer(() => {
        const p = renewSession(this).then((ok) => {
          if (this.renewing === p) this.renewing = undefined;
          if (active && !this.stopped) every(ok ? (this.o.renewMs ?? 15 * MINUTE) : MINUTE);
        });
        this.renewing = p;
      }, ms);
      cancel = () => { timer.dispose(); };
    };
    every(this.o.renewMs ?? 15 * MINUTE);
    return () => {
      active = false;
      cancel();
    };
  }

  /** Delivers a line: remembered (Cedar, for the next resync) and queued. */
  deliver(line: string): void {
    if (this.gen === 'cedar') this.recent.add(line);
    this.queue.pushLine(line);
  }

  onLine(line: string): void {
    if (this.gapSince !== undefined) {
      const afterMs = this.clock.now() - this.gapSince;
      this.gapSince = undefined;
      this.beginResync(afterMs);
    }
    const r = this.resync;
    if (r === undefined) this.deliver(line);
    else if (r.window.accept(line)) this.endResync();
  }

  private beginResync(afterMs: number): void {
    if (this.gen === 'fir' || this.recent.length === 0) {
      this.queue.push({ kind: 'reconnected', afterMs, missing: true, text: reconnectedText(afterMs, true) });
      return;
    }
    const window = new ResyncWindow(this.recent.toArray(), this.resyncLines);
    const timer = this.clock.setTimer(() => this.endResync(), this.o.resyncTimeoutMs ?? 5000);
    const cancel = (): void => { timer.dispose(); };
    this.resync = { window, afterMs, cancel };
  }

  /** Closes the resync window: the marker, then the lines found missing. */
  private endResync(): void {
    const r = this.resync;
    if (!r) return;
    this.resync = undefined;
    r.cancel();
    if (!r.window.done) r.window.finish();
    const { lines, missing } = r.window.result();
    this.queue.push({ kind: 'reconnected', afterMs: r.afterMs, missing, text: reconnectedText(r.afterMs, missing) });
    for (const l of lines) this.deliver(l);
  }
}
