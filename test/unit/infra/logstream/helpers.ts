import type { HerokuClient } from '../../../../src/infra/heroku/client';
import { FakeClock } from '../../../support/fake-clock';
import type { TailEvent, TailOptions } from '../../../../src/infra/logstream/events';
import { tailLogs, type LogTail } from '../../../../src/infra/logstream/tail';
import type { FakeHeroku } from '../../../support/fake-heroku';
import { seqOf } from '../../../support/fake-heroku/logs/bulk-lines';
import { clientFor as testClient } from '../../../support/heroku-client';
import type { WaitOptions } from '../../../support/wait';

/**
 * The shared FakeClock for the tail: sleeps (backoff) return at once having moved time on by their length (`sleeps`
 * records them); advance() moves it and fires the timers that are due (silence limit, resync timeout, Fir renewal).
 */
export class FakeStreamClock extends FakeClock {
  constructor() {
    super({ start: 0, autoAdvance: true });
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
  clock: FakeStreamClock;
}

/** Starts a tail with a fake clock (jitter fixed at its middle) and collects everything it yields. */
export function startTail(fake: FakeHeroku, o: Partial<TailOptions> & { app?: string }, client = clientFor(fake)): Run & { done: Promise<void> } {
  const clock = new FakeStreamClock();
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
