import assert from 'node:assert/strict';
import {
  describePromotion, nextStage, planPromotion, promotionDone, promotionStages, stageTitle, targetOutcome,
} from '../../../../src/core/pipeline/promotion-plan';
import { HerokuClient } from '../../../../src/infra/heroku/client';
import { startFakeHeroku, type FakeHeroku } from '../../../support/fake-heroku';

describe('core/pipeline/promotion-plan', () => {
  it('walks development → staging → production, as heroku pipelines:promote', () => {
    assert.deepEqual(['development', 'staging', 'production', 'review', 'test', undefined].map(nextStage),
      ['staging', 'production', undefined, undefined, undefined, undefined]);
    assert.equal(stageTitle('production'), 'Production');
  });

  it('keeps Heroku\'s words and the new release of each promotion target', () => {
    assert.deepEqual(targetOutcome({ app: { id: 'a' }, status: 'failed', error_message: 'no slug', release: null }), { appId: 'a', status: 'failed', error: 'no slug' });
    assert.deepEqual(targetOutcome({ app: { id: 'b' }, status: 'succeeded', error_message: null, release: { id: 'r9' } }), { appId: 'b', status: 'succeeded', releaseId: 'r9' });
  });

  it('describes each target in plain words: all succeeded, some failed, all failed', () => {
    const name = (id: string) => ({ p1: 'shop-prod', p2: 'shop-prod-eu' })[id] ?? id;
    const ok = describePromotion('shop-staging v7', ['p1', 'p2'], [{ appId: 'p1', status: 'succeeded' }, { appId: 'p2', status: 'succeeded' }], name);
    assert.equal(ok.text, 'Promoted shop-staging v7 to shop-prod, shop-prod-eu.');
    const some = describePromotion('shop-staging v7', ['p1', 'p2'], [{ appId: 'p1', status: 'succeeded' }, { appId: 'p2', status: 'failed', error: 'no slug' }], name);
    assert.deepEqual([some.succeeded, some.failed], [['shop-prod'], ['shop-prod-eu']]);
    assert.equal(some.text, 'Promoted shop-staging v7 to shop-prod; shop-prod-eu failed: no slug.');
    const none = describePromotion('shop-staging v7', ['p1', 'p2'], [{ appId: 'p1', status: 'pending' }], name);
    assert.equal(none.text, 'Promotion of shop-staging v7 failed: shop-prod is still pending; shop-prod-eu is missing from the promotion.');
    assert.equal(promotionDone(['p1', 'p2'], [{ appId: 'p1', status: 'succeeded' }, { appId: 'p2', status: 'pending' }]), false);
    assert.equal(promotionDone(['p1'], [{ appId: 'p1', status: 'failed' }]), true);
  });

  describe('against the fake Heroku pipeline acme-web', () => {
    let fake: FakeHeroku;
    let client: HerokuClient;
    const idOf = (name: string) => [...fake.state.apps.values()].find((a) => a.name === name)?.id ?? '';
    before(async () => {
      fake = await startFakeHeroku();
      client = new HerokuClient({ baseUrl: fake.url, getToken: () => fake.apiKey });
    });
    after(async () => { await fake.close(); });

    async function planFor(app: string) {
      const source = await client.appPipelineCoupling(app);
      assert.ok(source.ok);
      const all = await client.pipelineCouplings(source.value.pipeline.id);
      assert.ok(all.ok);
      return planPromotion(app, source.value, all.value);
    }

    it('plans staging → the production app and development → the staging app', async () => {
      const staging = await planFor('acme-web-staging');
      assert.ok(staging.ok);
      assert.deepEqual([staging.stage, staging.targets.map((t) => t.app.id)], ['production', [idOf('acme-web-production')]]);
      const dev = await planFor('acme-web-dev');
      assert.ok(dev.ok);
      assert.deepEqual([dev.stage, dev.targets.map((t) => t.app.id)], ['staging', [idOf('acme-web-staging')]]);
    });

    it('refuses review and production apps with the reason', async () => {
      const review = await planFor('acme-web-pr-128');
      assert.ok(!review.ok);
      assert.match(review.message, /acme-web-pr-128 is in the review stage: there is nothing to promote it to/);
      const prod = await planFor('acme-web-production');
      assert.ok(!prod.ok);
      assert.match(prod.message, /production is the last stage/);
    });

    it('maps every coupled app to the stage it promotes to', async () => {
      const all = await client.allPipelineCouplings();
      assert.ok(all.ok);
      const stages = promotionStages(all.value);
      assert.deepEqual([...stages].map(([id, stage]) => [[...fake.state.apps.values()].find((a) => a.id === id)?.name, stage]).sort(),
        [['acme-web-dev', 'staging'], ['acme-web-staging', 'production']]);
    });
  });
});
