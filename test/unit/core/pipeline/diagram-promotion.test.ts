import assert from 'node:assert/strict';
import { promotionConfirmation, runPromotion } from '../../../../src/core/pipeline/diagram-promotion';
import { followReleaseOutput } from '../../../../src/core/pipeline/release-output';
import type { StreamChunk, TextStreams } from '../../../../src/core/heroku/ports';
import type { PromotionState } from '../../../../src/shared/pipeline-protocol';
import type { AppCard } from '../../../../src/shared/pipeline-model';
import { FakeClock } from '../../../support/fake-clock';
import { err, fail, fakeApi, ok } from './helpers';

const release = (version: number) => ({ id: `r${version}`, version, description: '', kind: 'deploy' as const, user: '', createdAt: '', status: 'succeeded', current: true });
const staging: AppCard = { appId: 's', name: 'shop-staging', stage: 'staging', failures: [], release: release(16), commit: { sha: 'a'.repeat(40), short: 'aaaaaaa' } };
const prod: AppCard = { appId: 'p', name: 'shop-prod', stage: 'production', failures: [], release: release(42), commit: { sha: 'b'.repeat(40), short: 'bbbbbbb' } };
const eu: AppCard = { appId: 'e', name: 'shop-eu', stage: 'production', failures: [] };

describe('core/pipeline promotion', () => {
  it('confirms with the source release and commit and each target\'s current release and commit', () => {
    const c = promotionConfirmation(staging, [prod, eu]);
    assert.equal(c.message, 'Promote shop-staging v16 (aaaaaaa) to shop-prod, shop-eu?');
    assert.match(c.detail, /shop-prod: v42 \(bbbbbbb\) → the slug of shop-staging v16 \(aaaaaaa\)/);
    assert.match(c.detail, /shop-eu: no release →/);
    assert.match(c.detail, /keeps its own config vars and add-ons/);
  });

  it('polls each second until no target is pending, reporting progress, and names failures with Heroku\'s text', async () => {
    let polls = 0;
    const sent: unknown[] = [];
    const api = fakeApi({
      createPromotion: (req: unknown) => { sent.push(req); return ok({ id: 'promo' }); },
      promotionTargets: () => ok(++polls < 3
        ? [{ app: { id: 'p' }, status: 'pending' }, { app: { id: 'e' }, status: 'pending' }]
        : [{ app: { id: 'p' }, status: 'succeeded', release: { id: 'new' } }, { app: { id: 'e' }, status: 'failed', error_message: 'Release phase failed.' }]),
    });
    const clock = new FakeClock({ autoAdvance: true });
    const states: PromotionState[] = [];
    const end = await runPromotion(api, clock, { pipelineId: 'p1', source: staging, targets: [prod, eu] }, (s) => states.push(s));
    assert.deepEqual(sent, [{ pipelineId: 'p1', sourceAppId: 's', targetAppIds: ['p', 'e'], sourceReleaseId: 'r16' }]);
    assert.deepEqual(clock.requested, [1000, 1000]);
    assert.ok(states.length >= 3 && states.slice(0, -1).every((s) => !s.done));
    assert.equal(end.done, true);
    assert.equal(end.failed, true);
    assert.deepEqual(end.targets.map((t) => [t.name, t.status, t.error]), [['shop-prod', 'succeeded', undefined], ['shop-eu', 'failed', 'Release phase failed.']]);
    assert.match(end.text ?? '', /shop-eu failed: Release phase failed\./);
  });

  it('a refused promotion is a done, failed state with Heroku\'s message', async () => {
    const api = fakeApi({ createPromotion: fail(err(422, 'shop-staging has no succeeded release to promote.', 'invalid_params')) });
    const end = await runPromotion(api, new FakeClock({ autoAdvance: true }), { pipelineId: 'p1', source: staging, targets: [prod] }, () => undefined);
    assert.deepEqual([end.done, end.failed], [true, true]);
    assert.match(end.text ?? '', /no succeeded release to promote/);
    assert.equal(end.targets[0].status, 'failed');
  });

  it('stops waiting after the limit and says the target is still pending', async () => {
    const api = fakeApi({ createPromotion: ok({ id: 'x' }), promotionTargets: ok([{ app: { id: 'p' }, status: 'pending' }]) });
    const clock = new FakeClock({ autoAdvance: true });
    const end = await runPromotion(api, clock, { pipelineId: 'p1', source: staging, targets: [prod] }, () => undefined, { maxWaitMs: 5000 });
    assert.match(end.text ?? '', /still pending/);
    assert.ok(clock.requested.length <= 6);
  });
});

describe('core/pipeline release-phase output', () => {
  async function* chunks(...parts: string[]): AsyncIterable<StreamChunk> {
    for (const p of parts) yield { text: p, bytes: Buffer.byteLength(p) };
    yield { end: 'complete' };
  }
  const missing = { ok: false as const, status: 404, message: 'not yet' };

  it('waits while the stream answers 404, then streams to the end', async () => {
    let opens = 0;
    const streams: TextStreams = { open: async () => (++opens < 4 ? missing : { ok: true, chunks: chunks('Running release command…\n', 'done\n') }) };
    const clock = new FakeClock({ autoAdvance: true });
    const got: string[] = [];
    const waits: number[] = [];
    const end = await followReleaseOutput(streams, clock, 'http://x', (t) => got.push(t), { onWaiting: (n) => waits.push(n), stillPending: async () => true });
    assert.deepEqual(end, { ok: true, bytes: 32 }); // bytes as sent: the ellipsis is three
    assert.deepEqual(got, ['Running release command…\n', 'done\n']);
    assert.deepEqual(waits, [1, 2, 3]);
    assert.deepEqual(clock.requested, [500, 1000, 1500]);
  });

  it('gives up when the release left pending without output, on other errors, and after the limit', async () => {
    const notFound: TextStreams = { open: async () => missing };
    const gone = await followReleaseOutput(notFound, new FakeClock({ autoAdvance: true }), 'u', () => undefined, { stillPending: async () => false });
    assert.match(gone.ok ? '' : gone.message, /no longer pending/);
    const broken = await followReleaseOutput({ open: async () => ({ ok: false, status: 500, message: 'u answered 500' }) }, new FakeClock({ autoAdvance: true }), 'u', () => undefined);
    assert.match(broken.ok ? '' : broken.message, /answered 500/);
    async function* cut(): AsyncIterable<StreamChunk> { yield { text: 'half', bytes: 4 }; yield { end: 'dropped', message: 'connection reset' }; }
    const dropped = await followReleaseOutput({ open: async () => ({ ok: true, chunks: cut() }) }, new FakeClock({ autoAdvance: true }), 'u', () => undefined);
    assert.match(dropped.ok ? '' : dropped.message, /broke off: connection reset/);
    const late = await followReleaseOutput(notFound, new FakeClock({ autoAdvance: true }), 'u', () => undefined, { maxWaitMs: 3000 });
    assert.match(late.ok ? '' : late.message, /did not start in time/);
  });
});
