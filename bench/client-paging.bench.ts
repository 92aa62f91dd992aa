// The Platform API client over loopback against the fake Heroku with 1,000 extra apps (plain Node):
//   client_list_1000_apps_ms       cold `client.apps()` (all pages, fresh client), median of RUNS
//   client_list_1000_apps_304_ms   the same listing revalidated with ETags (all 304s), median of RUNS
//   raw_list_1000_apps_ms          the same pages fetched with bare `fetch` (no client), for the client's overhead
//   client_timeout_100ms_ms        how long a call with a 100 ms timeout takes against an answer held back 2 s
//                                  (was a < 380 ms assertion in the unit tests; a figure belongs here)
// Run: npx tsx bench/client-paging.bench.ts
import { HerokuClient } from '../src/infra/heroku/client';
import { startFakeHeroku, type FakeHeroku } from '../test/support/fake-heroku';

const RUNS = 9;

function emit(name: string, value: number, unit: string): void {
  process.stdout.write(JSON.stringify({ name, value, unit }) + '\n');
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function rawList(fake: FakeHeroku): Promise<number> {
  let range: string | null = 'id ..; max=1000';
  let n = 0;
  while (range) {
    const res: Response = await fetch(`${fake.url}/apps`, {
      headers: { Accept: 'application/vnd.heroku+json; version=3', Authorization: `Bearer ${fake.apiKey}`, Range: range },
    });
    n += ((await res.json()) as unknown[]).length;
    range = res.status === 206 ? res.headers.get('next-range') : null;
  }
  return n;
}

async function main(): Promise<void> {
  const fake = await startFakeHeroku({ apps: 1000, validate: false });
  try {
    const expected = fake.state.apps.size;
    const cold: number[] = [];
    const warm: number[] = [];
    const raw: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const client = new HerokuClient({ baseUrl: fake.url, getToken: () => fake.apiKey });
      let t0 = performance.now();
      const first = await client.apps();
      cold.push(performance.now() - t0);
      if (!first.ok || first.value.length !== expected) throw new Error(`cold listing returned ${first.ok ? first.value.length : first.error.message}`);
      t0 = performance.now();
      const again = await client.apps();
      warm.push(performance.now() - t0);
      if (!again.ok || again.notModified !== true) throw new Error('the warm listing was not all 304s');
      t0 = performance.now();
      const n = await rawList(fake);
      raw.push(performance.now() - t0);
      if (n !== expected) throw new Error(`raw listing returned ${n}`);
    }
    emit('client_list_1000_apps_ms', Math.round(median(cold)), 'ms');
    emit('client_list_1000_apps_304_ms', Math.round(median(warm)), 'ms');
    emit('raw_list_1000_apps_ms', Math.round(median(raw)), 'ms');
    const timeouts: number[] = [];
    for (let i = 0; i < 5; i++) {
      fake.faults.add({ method: 'GET', path: '/account', delayMs: 2000, times: 1 });
      const client = new HerokuClient({ baseUrl: fake.url, getToken: () => fake.apiKey, timeoutMs: 100 });
      const t0 = performance.now();
      const r = await client.account();
      timeouts.push(performance.now() - t0);
      if (r.ok || r.error.id !== 'timeout') throw new Error('the slow answer did not time out');
    }
    emit('client_timeout_100ms_ms', Math.round(median(timeouts)), 'ms');
    process.stderr.write(`(${expected} apps; cold ms: ${cold.map(Math.round).join(', ')})\n`);
  } finally {
    await fake.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
