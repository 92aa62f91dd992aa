import assert from 'node:assert/strict';
import type { FakeHeroku } from '../../../support/fake-heroku';
import { useFakeHeroku } from '../../../support/use-fake-heroku';
import { clientFor, seen } from '../../../support/heroku-client';

describe('HerokuClient: cancellation of lists, changes and promotions', () => {
  const heroku = useFakeHeroku({ apps: 0 });
  let fake: FakeHeroku;
  beforeEach(() => { fake = heroku.fake; });

  it('stops paging when the signal fires between pages', async () => {
    fake.reset({ apps: 1500 });
    const ac = new AbortController();
    const { client } = clientFor(fake, { trace: (line) => { if (/^GET \/apps 206 /.test(line)) ac.abort(); } });
    const r = await client.apps({ signal: ac.signal });
    assert.ok(!r.ok);
    assert.equal(r.error.id, 'cancelled');
    assert.equal(seen(fake, 'GET', '/apps').length, 1, 'the next page was never asked for');
  });

  it('abandons a change in flight without sending it again', async () => {
    fake.faults.add({ method: 'DELETE', path: '/apps/dana-blog/dynos', delayMs: 2000 });
    const { client, sleeps } = clientFor(fake);
    const ac = new AbortController();
    const pending = client.restartAll('dana-blog', { signal: ac.signal });
    setTimeout(() => ac.abort(), 50);
    const r = await pending;
    assert.ok(!r.ok);
    assert.deepEqual([r.error.id, r.error.status], ['cancelled', 0]);
    assert.equal(seen(fake, 'DELETE', '/apps/dana-blog/dynos').length, 1);
    assert.deepEqual(sleeps, [], 'no retry');
  });

  it('creates a promotion and reads its targets; a cancelled poll says cancelled', async () => {
    const { client } = clientFor(fake, { twoFactor: async () => fake.state.account.twoFactorCode });
    const coupling = await client.appPipelineCoupling('acme-web-staging');
    assert.ok(coupling.ok);
    const all = await client.allPipelineCouplings();
    assert.ok(all.ok);
    assert.ok(all.value.some((c) => c.app.id === coupling.value.app.id && c.stage === 'staging'));
    const production = all.value.find((c) => c.stage === 'production' && c.pipeline.id === coupling.value.pipeline.id);
    assert.ok(production);
    const created = await client.createPromotion({ pipelineId: coupling.value.pipeline.id, sourceAppId: coupling.value.app.id, targetAppIds: [production.app.id] });
    assert.ok(created.ok, JSON.stringify(!created.ok && created.error));
    const targets = await client.promotionTargets(created.value.id, { cache: false });
    assert.ok(targets.ok);
    assert.deepEqual(targets.value.map((t) => [t.app.id, t.status]), [[production.app.id, 'succeeded']]);
    const ac = new AbortController();
    ac.abort();
    const cancelled = await client.promotionTargets(created.value.id, { signal: ac.signal });
    assert.ok(!cancelled.ok && cancelled.error.id === 'cancelled');
  });
});
