// A HerokuClient pointed at the fake Heroku, with sleeps recorded instead of waited (so backoff is checked without
// slowing a suite, and nothing asserts on elapsed time), trace lines kept, and helpers for what the fake saw.
import { HerokuClient, type HerokuClientOptions } from '../../src/infra/heroku/client';
import type { FakeHeroku } from './fake-heroku';

export interface TestClient {
  client: HerokuClient;
  /** Each backoff the client asked to sleep, in ms. */
  sleeps: number[];
  trace: string[];
}

export function clientFor(fake: { url: string; apiKey: string }, opts: Partial<HerokuClientOptions> = {}): TestClient {
  const sleeps: number[] = [];
  const trace: string[] = [];
  const client = new HerokuClient({
    baseUrl: fake.url,
    getToken: () => fake.apiKey,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    random: () => 0.5,
    trace: (l) => trace.push(l),
    ...opts,
  });
  return { client, sleeps, trace };
}

/** Requests the fake saw for `path` (exact) with `method`. */
export function seen(fake: FakeHeroku, method: string, path: string): FakeHeroku['requests'] {
  return fake.requests.filter((r) => r.method === method && r.path === path);
}

/** Throws when `token` occurs anywhere in `value`'s JSON (errors, results, trace lines). */
export function assertNoToken(value: unknown, token: string): void {
  const text = JSON.stringify(value, (_k, v: unknown) => (v instanceof Error ? { message: v.message, stack: v.stack } : v));
  if (text.includes(token)) throw new Error(`the API token leaked into: ${text.slice(0, 300)}`);
}
