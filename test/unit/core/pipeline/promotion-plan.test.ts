import assert from 'node:assert/strict';
import {
  describePromotion, nextStage, planPromotion, promotionDone, promotionStages, stageTitle, targetOutcome,
} from '../../../../src/core/pipeline/promotion-plan';
import type { PipelineCoupling } from '../../../../src/core/heroku/types';

describe('core/pipeline/promotion-plan', () => {
  it('walks development → staging → production, as heroku pipelines:promote', () => {
    assert.deepEqual(['development', 'staging', 'production', 'review', 'test', undefined].map(nextStage),
      ['staging', 'production', undefined, undefined, undefined, undefined]);
    assert.equal(stageTitle('production'), 'Production');
  });

  it('plans the next stage\'s apps of the same pipeline only, and maps each app to where it promotes', () => {
    const c = (id: string, stage: PipelineCoupling['stage'], pipeline = 'p') => ({ id: `c-${id}`, app: { id }, pipeline: { id: pipeline }, stage });
    const all = [c('dev', 'development'), c('stg', 'staging'), c('stg2', 'staging'), c('other', 'staging', 'q'), c('prod', 'production')];
    const plan = planPromotion('shop-dev', all[0], all);
    assert.ok(plan.ok);
    assert.deepEqual([plan.stage, plan.targets.map((t) => t.app.id)], ['staging', ['stg', 'stg2']]);
    const none = planPromotion('shop-stg', all[1], all.filter((x) => x.stage !== 'production'));
    assert.deepEqual(none, { ok: false, message: 'shop-stg has no downstream apps: its pipeline has no app in the production stage.' });
    assert.deepEqual([...promotionStages(all)], [['dev', 'staging'], ['stg', 'production'], ['stg2', 'production'], ['other', 'production']]);
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
    const period = describePromotion('shop-staging v7', ['p1'], [{ appId: 'p1', status: 'failed', error: 'Release phase failed. ' }], name);
    assert.equal(period.text, 'Promotion of shop-staging v7 failed: shop-prod failed: Release phase failed.', 'one full stop, not two');
    const none = describePromotion('shop-staging v7', ['p1', 'p2'], [{ appId: 'p1', status: 'pending' }], name);
    assert.equal(none.text, 'Promotion of shop-staging v7 failed: shop-prod is still pending; shop-prod-eu is missing from the promotion.');
    assert.equal(promotionDone(['p1', 'p2'], [{ appId: 'p1', status: 'succeeded' }, { appId: 'p2', status: 'pending' }]), false);
    assert.equal(promotionDone(['p1'], [{ appId: 'p1', status: 'failed' }]), true);
  });
});
