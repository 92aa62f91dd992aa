// The one refresh timer on a fake clock against the fake Heroku: one read of each wanted slice per interval,
// nothing when off, never more often than the minimum.
import assert from 'node:assert/strict';
import { intervalFromSetting, MIN_INTERVAL_MS, RefreshScheduler } from '../../../../src/core/state/scheduler';
import { AppStore, type RefreshReport } from '../../../../src/core/state/store';
import { FakeClock } from '../../../support/fake-clock';
import { useFakeHeroku } from '../../../support/use-fake-heroku';

describe('core/state: the refresh scheduler', () => {
  const heroku = useFakeHeroku();
  let clock: FakeClock;
  let store: AppStore;
  let scheduler: RefreshScheduler;
  const ticks: RefreshReport[] = [];
  beforeEach(() => {
    clock = new FakeClock();
    const { client } = heroku.client();
    store = new AppStore({ api: () => client, clock });
    scheduler = new RefreshScheduler(store, clock);
    ticks.length = 0;
    scheduler.onDidTick((r) => ticks.push(r));
  });
  afterEach(() => { scheduler.dispose(); store.dispose(); });

  /** Moves the clock one interval on and waits for the tick it starts to end (its event). */
  async function interval(): Promise<void> {
    const ticked = new Promise<void>((resolve) => { const d = scheduler.onDidTick(() => { d.dispose(); resolve(); }); });
    await clock.advance(scheduler.interval);
    await ticked;
  }

  it('reads each wanted slice once per interval, for every view that wants it', async () => {
    scheduler.setInterval(30_000);
    store.want('tree', [{ app: 'dana-blog', slices: ['app', 'formation', 'dynos'] }]);
    store.want('status', [{ app: 'dana-blog', slices: ['app', 'dynos', 'releases'] }]);
    store.want('lens', [{ app: 'dana-blog', slices: ['formation'] }]);
    await interval();
    await interval();
    const paths = heroku.fake.requests.map((r) => r.path).filter((p) => p.startsWith('/apps/dana-blog'));
    const count = (p: string) => paths.filter((x) => x === p).length;
    assert.deepEqual(['', '/formation', '/dynos', '/releases'].map((s) => count(`/apps/dana-blog${s}`)), [2, 2, 2, 2]);
    assert.deepEqual(ticks.map((t) => t.slices), [4, 4]);
  });

  it('stops at 0 and takes the setting in seconds, never below the minimum', async () => {
    scheduler.setInterval(0);
    store.want('tree', [{ app: 'dana-blog', slices: ['app'] }]);
    await clock.advance(10 * 60_000);
    assert.equal(clock.pending, 0);
    assert.equal(heroku.fake.requests.length, 0);
    assert.deepEqual([intervalFromSetting(0), intervalFromSetting(1), intervalFromSetting(90), intervalFromSetting(undefined)], [0, MIN_INTERVAL_MS, 90_000, 60_000]);
  });
});
