import type { HerokuClient } from '../../../../src/infra/heroku/client';
import type { StreamClock } from '../../../../src/infra/logstream/clock';
import type { TailEvent, TailOptions } from '../../../../src/infra/logstream/events';
import { tailLogs, type LogTail } from '../../../../src/infra/logstream/tail';
import type { FakeHeroku } from '../../../support/fake-heroku';
import { seqOf } from '../../../support/fake-heroku/logs/bulk-lines';
import { clientFor as testClient } from '../../../support/heroku-client';
import type { WaitOptions } from '../../../support/wait';

/**
 * Time that moves only when told: sleeps (backoff) return at once and move it by their length, recording it;
 * advance() moves it and fires the timers that are due (silence limit, resync timeout, Fir renewal).
 */
export class FakeClock implements StreamClock {
  t = 0;
  readonly sleeps: number[] = [];
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private ids = 0;

  now(): number {
    return this.t;
  }

  sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.advance(ms);
    return Promise.resolve();
  }

  timer(ms: number, fn: () => void): () => void {
    const id = ++this.ids;
    this.timers.push({ at: this.t + ms, fn, id });
    return () => { this.timers = this.timers.filter((x) => x.id !== id); };
  }

  advance(ms: number): void {
    const until = this.t + ms;
    for (;;) {
      const due = this.timers.filter((x) => x.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((x) => x !== due);
      this.t = Math.max(this.t, due.at);
      due.fn();
    }
    this.t = until;
  }
}

/** A test client of the fake (test/support/heroku-client.ts) without retries: the tail does its own reconnecting. */
export function clientFor(fake: FakeHeroku, key = fake.apiKey): HerokuClient {
  return testClient(fake, { getToken: () => key, retry: { retries: 0 } }).client;
}

export interface Run {
  tail: LogTail;
  events: TailEvent[];
  lines: string[];
  clock: FakeClock;
}

/** Starts a tail with a fake clock (jitter fixed at its middle) and collects everything it yields. */
export function startTail(fake: FakeHeroku, o: Partial<TailOptions> & { app?: string }, client = clientFor(fake)): Run & { done: Promise<void> } {
  const clock = new FakeClock();
  const tail = tailLogs(client, { app: 'acme-web-production', generation: 'cedar', clock, random: () => 0.5, ...o });
  const run: Run = { tail, events: [], lines: [], clock };
  const done = (async () => {
    for await (const e of tail) {
      run.events.push(e);
      if (e.kind === 'lines') for (const l of e.lines) run.lines.push(l);
    }
  })();
  return { ...run, done };
}

/** How tail tests wait (test/support/wait.ts): after nearly every macrotask, as some conditions pass in a moment ("exactly 5 lines"). */
export const POLL: WaitOptions = { ms: 8000, everyMs: 2 };

/** The bulk sequence numbers of `lines`, in order. */
export const seqsOf = (lines: readonly string[]): number[] => lines.map((l) => seqOf(l) ?? -1);

export const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);
