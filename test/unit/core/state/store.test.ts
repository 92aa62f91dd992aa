// The app-state store against the fake Heroku through the real client, on a fake clock: shared reads, changes
// as events, invalidation superseding a slow read, wants, back-off, masked config, sign-in changes.
import assert from 'node:assert/strict';
import type { HerokuApi } from '../../../../src/core/heroku/api';
import { AppStore } from '../../../../src/core/state/store';
import type { AppChange } from '../../../../src/core/state/types';
import { FakeClock } from '../../../support/fake-clock';
import { seen } from '../../../support/heroku-client';
import { useFakeHeroku } from '../../../support/use-fake-heroku';

describe('core/state: the app-state store', () => {
  const heroku = useFakeHeroku();
  let clock: FakeClock;
  let api: HerokuApi | undefined;
  let store: AppStore;
  let changes: AppChange[];
  const secrets: string[] = [];
  beforeEach(() => {
    clock = new FakeClock();
    api = heroku.client().client;
    store = new AppStore({ api: () => api, clock, onSecret: (v) => secrets.push(v) });
    changes = [];
    store.onDidChangeApp((e) => changes.push(e));
  });
  afterEach(() => store.dispose());
  const gets = (path: string) => seen(heroku.fake, 'GET', path).length;

  it('shares one read among readers, answers from memory while fresh, and reads again (a 304) when old', async () => {
    const [a, b] = await Promise.all([store.read('dana-blog', 'formation'), store.read('dana-blog', 'formation')]);
    assert.equal(a, b);
    assert.deepEqual(a.value?.map((f) => f.type), ['web']);
    await store.read('dana-blog', 'formation');
    assert.equal(gets('/apps/dana-blog/formation'), 1);
    await clock.advance(store.freshForMs);
    await store.read('dana-blog', 'formation');
    assert.deepEqual(heroku.fake.requests.filter((r) => r.path === '/apps/dana-blog/formation').map((r) => r.status), [200, 304]);
  });

  it('tells what changed: once per app for a refresh, nothing for an unchanged or a first answer', async () => {
    await Promise.all([store.read('dana-blog', 'app'), store.read('dana-blog', 'dynos'), store.read('dana-blog', 'formation')]);
    await Promise.resolve();
    assert.equal(changes.length, 0, 'whoever asked first renders the first answer');
    store.want('view', [{ app: 'dana-blog', slices: ['app', 'dynos', 'formation'] }]);
    heroku.fake.faults.add({ method: 'GET', path: '/apps/dana-blog/dynos', body: [] });
    heroku.fake.faults.add({ method: 'GET', path: '/apps/dana-blog/formation', status: 503, times: 4 });
    await store.refreshWanted();
    assert.deepEqual(changes.map((c) => [...c.slices].sort()), [['dynos', 'formation']], 'the app came back 304; dynos changed; formation failed');
    const r = await heroku.client().client.updateFormationType('dana-blog', 'web', { quantity: 0 });
    assert.ok(r.ok);
    changes.length = 0;
    await store.changed('dana-blog');
    await Promise.resolve();
    assert.ok(changes.some((c) => c.slices.includes('formation')), JSON.stringify(changes));
    assert.equal(store.peek('dana-blog').formation?.value?.[0].quantity, 0);
  });

  it('an invalidation aborts a slow read and every reader gets the fresh answer', async () => {
    heroku.fake.faults.add({ method: 'GET', path: '/apps/dana-blog/dynos', delayMs: 30_000, times: 1 });
    const slow = store.read('dana-blog', 'dynos');
    await heroku.control.waitForRequest('the slow read', (r) => r.path === '/apps/dana-blog/dynos');
    store.invalidate();
    const slice = await slow;
    assert.deepEqual(slice.value?.map((d) => d.name), ['web.1']);
    assert.equal(slice.error, undefined, 'no "cancelled" left behind');
  });

  it('refreshes only what views want, each slice once however many views want it', async () => {
    store.want('tree', [{ app: 'dana-blog', slices: ['formation', 'dynos'] }, { account: ['apps'] }]);
    store.want('lens', [{ app: 'dana-blog', slices: ['formation'] }]);
    const report = await store.refreshWanted();
    assert.equal(report.slices, 3);
    assert.deepEqual(['/apps/dana-blog/formation', '/apps/dana-blog/dynos', '/apps', '/apps/dana-blog/releases'].map(gets), [1, 1, 1, 0]);
    store.want('tree', []);
    store.want('lens', []);
    assert.deepEqual(await store.refreshWanted(), { slices: 0, failures: 0 });
  });

  it('pipelines: the list, a pipeline\'s couplings and latest releases are slices; an app change re-reads the wanted latest releases and says so', async () => {
    const list = await store.readAccount('pipelines');
    const p = list.value?.[0];
    assert.ok(p, 'the seed has a pipeline');
    const [couplings, latest] = await Promise.all([store.readPipeline(p.id, 'couplings'), store.readPipeline(p.id, 'latestReleases'), store.readPipeline(p.id, 'couplings')]);
    assert.ok((couplings.value?.length ?? 0) > 0);
    assert.equal(gets(`/pipelines/${p.id}/pipeline-couplings`), 1, 'one read shared');
    const coupled = couplings.value!.find((c) => c.stage !== 'review')!;
    const app = latest.value!.find((r) => r.app.id === coupled.app.id)!.app.name!;
    const seenChanges: string[][] = [];
    store.onDidChangePipeline((c) => seenChanges.push([c.pipeline, ...c.slices]));
    store.want('pipelines-view', [{ pipeline: p.id, slices: ['couplings', 'latestReleases'] }]);
    const before = latest.value!.find((r) => r.app.id === coupled.app.id)!.version;
    const rolled = await heroku.client().client.releases(app, 2);
    assert.ok(rolled.ok && rolled.value.length >= 2, 'the app has two releases to roll back to');
    assert.ok((await heroku.client().client.rollback(app, rolled.value[1].id)).ok);
    await store.changed(app);
    assert.deepEqual(seenChanges, [[p.id, 'latestReleases']], 'the couplings did not change');
    const after = store.readPipeline(p.id, 'latestReleases');
    assert.equal((await after).value!.find((r) => r.app.id === coupled.app.id)!.version, before + 1);
    store.invalidatePipelines();
    await store.readPipeline(p.id, 'couplings');
    assert.equal(gets(`/pipelines/${p.id}/pipeline-couplings`), 2, 'read again after invalidatePipelines');
  });

  it('backs off a failing slice: tried again after 2, then 4 intervals; the last good value stays', async () => {
    store.freshForMs = 10_000;
    store.want('view', [{ app: 'dana-blog', slices: ['dynos'] }]);
    await store.refreshWanted();
    heroku.fake.faults.add({ method: 'GET', path: '/apps/dana-blog/dynos', status: 404, errorId: 'not_found' });
    const tried: number[] = [];
    for (let tick = 1; tick <= 7; tick++) {
      await clock.advance(10_000);
      if ((await store.refreshWanted()).slices) tried.push(tick);
    }
    assert.deepEqual(tried, [1, 3, 7]);
    const slice = store.peek('dana-blog').dynos;
    assert.equal(slice?.error?.id, 'not_found');
    assert.deepEqual(slice?.value?.map((d) => d.name), ['web.1']);
  });

  it('keeps config values aside: the snapshot is masked, secretConfig has them, each went to onSecret', async () => {
    const slice = await store.read('dana-blog', 'config');
    const id = [...heroku.fake.state.apps.values()].find((a) => a.name === 'dana-blog')?.id ?? '';
    const values = Object.values(heroku.fake.state.configVars.get(id) ?? {});
    assert.ok(values.length > 0);
    assert.ok(!JSON.stringify(slice).includes(values[0]), 'a value in the snapshot');
    assert.deepEqual(Object.values(store.secretConfig('dana-blog') ?? {}).sort(), [...values].sort());
    for (const v of values) assert.ok(secrets.includes(v));
  });

  it('a coupling 404 is "in no pipeline" (null), not an error', async () => {
    const none = await store.read('dana-blog', 'coupling');
    assert.deepEqual([none.value, none.error], [null, undefined]);
    assert.equal((await store.read('acme-web-staging', 'coupling')).value?.stage, 'staging');
  });

  it('signed out: reads fail with no_token and send nothing; a new sign-in forgets everything and says so', async () => {
    await store.read('dana-blog', 'app');
    api = undefined;
    changes.length = 0;
    store.reset();
    await Promise.resolve();
    assert.ok(changes.some((c) => c.app === 'dana-blog' && c.slices.length === 8), 'every slice of a known app changed');
    const before = heroku.fake.requests.length;
    assert.equal((await store.read('dana-blog', 'app')).error?.id, 'no_token');
    assert.deepEqual(await store.refreshWanted(), { slices: 0, failures: 0 });
    assert.equal(heroku.fake.requests.length, before);
  });
});
