import assert from 'node:assert/strict';
import { useFakeHeroku } from '../../../support/use-fake-heroku';
import { seen } from '../../../support/heroku-client';
import { waitUntil } from '../../../support/wait';

describe('HerokuClient: cancellation of lists, changes and promotions', () => {
  const heroku = useFakeHeroku({ apps: 0 });

  it('stops paging when the signal fires between pages', async () => {
    heroku.fake.reset({ apps: 1500 });
    const ac = new AbortController();
    const { client } = heroku.client({ trace: (line) => { if (/^GET \/apps 206 /.test(line)) ac.abort(); } });
    const r = await client.apps({ signal: ac.signal });
    assert.ok(!r.ok);
    assert.equal(r.error.id, 'cancelled');
    assert.equal(seen(heroku.fake, 'GET', '/apps').length, 1, 'the next page was never asked for');
  });

  it('abandons a change in flight without sending it again', async () => {
    heroku.fake.faults.add({ method: 'DELETE', path: '/apps/dana-blog/dynos', delayMs: 2000 });
    const { client, sleeps } = heroku.client();
    const ac = new AbortController();
    const pending = client.restartAll('dana-blog', { signal: ac.signal });
    await waitUntil('the change reached the fake', () => seen(heroku.fake, 'DELETE', '/apps/dana-blog/dynos').length === 1);
    ac.abort();
    const r = await pending;
    assert.ok(!r.ok);
    assert.deepEqual([r.error.id, r.error.status], ['cancelled', 0]);
    assert.equal(seen(heroku.fake, 'DELETE', '/apps/dana-blog/dynos').length, 1);
    assert.deepEqual(sleeps, [], 'no retry');
  });

  it('creates a promotion and reads its targets; a cancelled poll says cancelled', async () => {
    const { client } = heroku.client({ twoFactor: async () => heroku.fake.state.account.twoFactorCode });
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
