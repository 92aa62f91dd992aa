// The promotion use-case against the fake Heroku's pipeline acme-web, on a fake clock: plan, start, poll each
// second until no target is pending, each poll reported, Heroku's error text kept, cancel and time limit.
import assert from 'node:assert/strict';
import { planAppPromotion, POLL_MS, promote } from '../../../../src/core/pipeline/promote';
import { promotionStages } from '../../../../src/core/pipeline/promotion-plan';
import type { TargetOutcome } from '../../../../src/core/pipeline/promotion-plan';
import type { PromotionRequest } from '../../../../src/core/heroku/types';
import { FakeClock } from '../../../support/fake-clock';
import { useFakeHeroku } from '../../../support/use-fake-heroku';

describe('core/pipeline/promote', () => {
  const heroku = useFakeHeroku();
  const idOf = (name: string) => [...heroku.fake.state.apps.values()].find((a) => a.name === name)?.id ?? '';
  const TARGETS = '/pipeline-promotions/*/promotion-targets';
  const stagingToProduction = async (): Promise<PromotionRequest> => {
    const plan = await planAppPromotion(heroku.client().client, 'acme-web-staging');
    assert.ok(plan.ok);
    return { pipelineId: plan.source.pipeline.id, sourceAppId: plan.source.app.id, targetAppIds: plan.targets.map((t) => t.app.id) };
  };

  it('plans staging → the production app and development → the staging app', async () => {
    const { client } = heroku.client();
    const staging = await planAppPromotion(client, 'acme-web-staging');
    assert.ok(staging.ok);
    assert.deepEqual([staging.stage, staging.targets.map((t) => t.app.id)], ['production', [idOf('acme-web-production')]]);
    const dev = await planAppPromotion(client, 'acme-web-dev');
    assert.ok(dev.ok);
    assert.deepEqual([dev.stage, dev.targets.map((t) => t.app.id)], ['staging', [idOf('acme-web-staging')]]);
  });

  it('refuses review, production and unpipelined apps with the reason', async () => {
    const { client } = heroku.client();
    const plans = await Promise.all(['acme-web-pr-128', 'acme-web-production', 'dana-blog'].map((a) => planAppPromotion(client, a)));
    assert.deepEqual(plans.map((p) => (p.ok ? 'ok' : p.message.replace(/ \(.*$/, ''))), [
      'acme-web-pr-128 is in the review stage: there is nothing to promote it to',
      'acme-web-production is in the production stage: there is nothing to promote it to',
      'dana-blog is not in a pipeline: there is nothing to promote it to.',
    ]);
    const all = await client.allPipelineCouplings();
    assert.ok(all.ok);
    assert.deepEqual([...promotionStages(all.value).values()].sort(), ['production', 'staging']);
  });

  it('polls each second until no target is pending, reporting every poll; the new release is known', async () => {
    const clock = new FakeClock();
    const request = await stagingToProduction();
    const prod = request.targetAppIds[0];
    heroku.fake.faults.add({ method: 'GET', path: TARGETS, body: [{ app: { id: prod }, status: 'pending', release: null, error_message: null }], times: 2 });
    const seen: string[][] = [];
    const run = promote(heroku.client({ twoFactor: () => Promise.resolve(heroku.fake.state.account.twoFactorCode) }).client, clock, request,
      { onProgress: (ts: readonly TargetOutcome[]) => seen.push(ts.map((t) => t.status)) });
    for (let i = 0; i < 2; i++) {
      await clock.nextTimer();
      await clock.advance(POLL_MS);
    }
    const r = await run;
    assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
    assert.deepEqual(seen, [['pending'], ['pending'], ['succeeded']]);
    assert.deepEqual(clock.requested, [POLL_MS, POLL_MS]);
    assert.equal(r.value.timedOut, false);
    assert.match(r.value.targets[0].releaseId ?? '', /./);
  });

  it('keeps Heroku\'s error text for a failed target', async () => {
    const request = await stagingToProduction();
    heroku.fake.faults.add({ method: 'GET', path: TARGETS, body: [{ app: { id: request.targetAppIds[0] }, status: 'failed', release: null, error_message: 'Couldn\'t find that slug.' }] });
    const r = await promote(heroku.client({ twoFactor: () => Promise.resolve(heroku.fake.state.account.twoFactorCode) }).client, new FakeClock(), request);
    assert.ok(r.ok);
    assert.deepEqual(r.value.targets.map((t) => [t.status, t.error]), [['failed', 'Couldn\'t find that slug.']]);
  });

  it('a cancel during the wait is a cancelled failure; the time limit ends the wait with timedOut', async () => {
    const request = await stagingToProduction();
    heroku.fake.faults.add({ method: 'GET', path: TARGETS, body: [{ app: { id: request.targetAppIds[0] }, status: 'pending' }] });
    const client = heroku.client({ twoFactor: () => Promise.resolve(heroku.fake.state.account.twoFactorCode) }).client;
    const clock = new FakeClock();
    const ac = new AbortController();
    const cancelled = promote(client, clock, request, { signal: ac.signal });
    await clock.nextTimer();
    ac.abort();
    const c = await cancelled;
    assert.ok(!c.ok && c.error.id === 'cancelled');
    const limited = promote(client, clock, request, { maxWaitMs: 2 * POLL_MS });
    for (let i = 0; i < 2; i++) {
      await clock.nextTimer();
      await clock.advance(POLL_MS);
    }
    const t = await limited;
    assert.ok(t.ok && t.value.timedOut && t.value.targets[0].status === 'pending');
  });
});
