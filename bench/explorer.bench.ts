// Explorer over loopback against the fake Heroku with 1,000 extra apps, in plain Node (view-model + store + client):
//   explorer_1000_apps_ms   cold load until the visible first level is ready (roots, owner groups, the
//                           expanded Personal group's apps), median of several runs with a fresh client (goal ≤ 500)
//   explorer_refresh_non304 requests of an unchanged refresh (same nodes) that were not answered 304 (goal 0)
// Run: npx tsx bench/explorer.bench.ts
import { AppStore } from '../src/core/state/store';
import { ExplorerModel } from '../src/core/tree/model';
import { systemClock } from '../src/infra/clock';
import type { ExplorerNode } from '../src/core/tree/nodes';
import { HerokuClient } from '../src/infra/heroku/client';
import { startFakeHeroku } from '../test/support/fake-heroku';

const RUNS = 7;

/** What a user sees first: the roots, their children, and the children of every node expanded by default. */
async function firstLevel(model: ExplorerModel): Promise<number> {
  let count = 0;
  const expand = async (node: ExplorerNode | undefined, depth: number): Promise<void> => {
    const kids = await model.children(node);
    count += kids.length;
    if (depth >= 3) return;
    await Promise.all(kids.filter((k) => k.collapsible === 'expanded').map((k) => expand(k, depth + 1)));
  };
  await expand(undefined, 0);
  return count;
}

function emit(name: string, value: number, unit: string): void {
  process.stdout.write(JSON.stringify({ name, value, unit }) + '\n');
}

async function main(): Promise<void> {
  const fake = await startFakeHeroku({ apps: 1000, validate: false });
  try {
    const times: number[] = [];
    let nodes = 0;
    let store: AppStore | undefined;
    let model: ExplorerModel | undefined;
    for (let i = 0; i < RUNS; i++) {
      const c = new HerokuClient({ baseUrl: fake.url, getToken: () => fake.apiKey });
      const s = new AppStore({ api: () => c, clock: systemClock });
      const m = new ExplorerModel(s, async () => []);
      const t0 = performance.now();
      nodes = await firstLevel(m);
      times.push(performance.now() - t0);
      store = s;
      model = m;
    }
    times.sort((a, b) => a - b);
    if (nodes < 100) throw new Error(`only ${nodes} nodes: the fake did not serve the 1,000 apps`);
    emit('explorer_1000_apps_ms', Math.round(times[Math.floor(RUNS / 2)]), 'ms');

    // Unchanged refresh on the last warm client: every request should be a 304.
    if (!store || !model) throw new Error('no run');
    const mark = fake.requests.length;
    store.invalidate();
    await firstLevel(model);
    const refresh = fake.requests.slice(mark);
    if (refresh.length === 0) throw new Error('the refresh made no requests');
    emit('explorer_refresh_non304', refresh.filter((r) => r.status !== 304).length, 'requests');
    const non304 = refresh.filter((r) => r.status !== 304).map((r) => `${r.method} ${r.path} ${r.status}`).join(", ");
    process.stderr.write(`(${nodes} visible nodes; refresh made ${refresh.length} requests${non304 ? `; not 304: ${non304}` : ""}; runs ms: ${times.map(Math.round).join(', ')})\n`);
  } finally {
    await fake.close();
  }
}

main().catch((err) => {
  process.stderr.write(`explorer bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
