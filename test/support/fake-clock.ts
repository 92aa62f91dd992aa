// A Clock (src/core/heroku/ports.ts) that moves only when a test says so. Timers and sleeps fire in time order
// inside advance(); nextTimer() resolves when the code under test starts waiting, so a test never sleeps for real:
//   const clock = new FakeClock();
//   const run = promote(api, clock, request);
//   await clock.nextTimer(); await clock.advance(1000);   // one poll interval
// With { autoAdvance: true } a sleep moves time on by its own length at once (firing what falls due meanwhile): for a
// use-case that only polls, where the test checks what it asked for (`requested`) rather than stepping it.
import type { Clock } from '../../src/core/heroku/ports';
import type { IDisposable } from '../../src/core/lifecycle';

interface Timer {
  at: number;
  seq: number;
  fire: () => void;
}

export interface FakeClockOptions {
  /** Start time in ms since the epoch (default 2026-11-24T08:00:00Z). */
  start?: number;
  /** Sleeps return at once, having moved time on by their length (timers still wait for advance() or a sleep). */
  autoAdvance?: boolean;
}

export class FakeClock implements Clock {
  private time: number;
  private readonly autoAdvance: boolean;
  private seq = 0;
  private timers: Timer[] = [];
  private waiters: (() => void)[] = [];
  /** Every sleep or timer asked for, in ms, in order (a test can check a back-off). */
  readonly requested: number[] = [];
  /** The sleeps alone, in ms, in order (where timers run beside a back-off). */
  readonly sleeps: number[] = [];

  constructor(o: number | FakeClockOptions = {}) {
    const { start = Date.UTC(2026, 10, 24, 8, 0, 0), autoAdvance = false } = typeof o === 'number' ? { start: o } : o;
    this.time = start;
    this.autoAdvance = autoAdvance;
  }

  now(): number {
    return this.time;
  }

  setTimer(fn: () => void, ms: number): IDisposable {
    const timer = this.add(ms, fn);
    return { dispose: () => { this.timers = this.timers.filter((t) => t !== timer); } };
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const aborted = (): Error => Object.assign(new Error('aborted'), { name: 'AbortError' });
      if (signal?.aborted) return reject(aborted());
      this.sleeps.push(ms);
      const abort = (): void => {
        this.timers = this.timers.filter((t) => t !== timer);
        reject(aborted());
      };
      const timer = this.add(ms, () => {
        signal?.removeEventListener('abort', abort);
        resolve();
      });
      signal?.addEventListener('abort', abort, { once: true });
      if (this.autoAdvance) void this.advance(ms);
    });
  }

  /** Timers and sleeps not yet fired. */
  get pending(): number {
    return this.timers.length;
  }

  /** Resolves once a timer or sleep is pending (at once when one already is). */
  nextTimer(): Promise<void> {
    return this.timers.length ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Moves time on by `ms`, firing what falls due in order; lets promise callbacks run after each. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      const next = [...this.timers].sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!next || next.at > end) break;
      this.timers = this.timers.filter((t) => t !== next);
      // Never backwards: with auto-advancing sleeps, two advances can run at once.
      this.time = Math.max(this.time, next.at);
      next.fire();
      await settle();
    }
    this.time = Math.max(this.time, end);
    await settle();
  }

  private add(ms: number, fire: () => void): Timer {
    this.requested.push(ms);
    const timer = { at: this.time + Math.max(0, ms), seq: this.seq++, fire };
    this.timers.push(timer);
    for (const w of this.waiters.splice(0)) w();
    return timer;
  }
}

/** Lets queued promise callbacks run (a few turns of the microtask and immediate queues). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise<void>((r) => setImmediate(r));
}
