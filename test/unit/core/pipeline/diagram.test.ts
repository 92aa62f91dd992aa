import assert from 'node:assert/strict';
import { buildDiagram, dynoHealth } from '../../../../src/core/pipeline/diagram';
import { loadPipeline, retryPart } from '../../../../src/core/pipeline/load';
import { coupling, err, fail, fakeApi, ok, P, rel } from './helpers';

const dyno = (state: string) => ({ state });

function answers(extra: Record<string, unknown> = {}) {
  return {
    pipeline: ok(P),
    couplings: ok([coupling('d', 'development'), coupling('s', 'staging'), coupling('p', 'production'), coupling('p2', 'production'), coupling('r1', 'review')]),
    latestReleases: ok([rel('d', 'shop-dev', 9, 'Deploy 1a2b3c4'), rel('s', 'shop-staging', 16, 'Promote shop-dev v9'),
      rel('p', 'shop-prod', 42, 'Set FOO config vars'), rel('p2', 'shop-prod-eu', 3, 'Rollback to v1'), rel('r1', 'shop-pr-7', 2, 'Deploy abcdef0')]),
    reviewApps: ok([{ id: 'ra1', app: { id: 'r1' }, pipeline: { id: 'p1' }, branch: 'feature/x', pr_number: 7, status: 'created' },
      { id: 'ra2', app: null, pipeline: { id: 'p1' }, branch: 'fix/y', pr_number: 8, status: 'creating' }]),
    testRuns: ok([{ id: 't1', number: 1, status: 'succeeded', commit_branch: 'main', commit_sha: 'aaaaaaa1', commit_message: 'one\nbody', actor_email: 'a', created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:01:05Z' },
      { id: 't2', number: 2, status: 'failed', commit_branch: 'main', commit_sha: 'bbbbbbb2', commit_message: 'two', actor_email: 'a', created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:30Z' },
      { id: 't3', number: 3, status: 'running', commit_branch: 'dev', commit_sha: 'ccccccc3', commit_message: 'three', actor_email: 'a', created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:30Z' }]),
    app: (id: unknown) => ok({ id, name: `name-${String(id)}`, region: { id: 'r', name: 'us' }, space: id === 'p2' ? { id: 's', name: 'vault', shield: true } : null, generation: 'cedar' }),
    dynos: (id: unknown) => ok(id === 'p' ? [dyno('up'), dyno('crashed')] : [dyno('up')]),
    slug: (appId: unknown) => ok({ id: 'x', commit: `${String(appId)}000000000000000000000000000000000000000`.slice(0, 40), commit_description: 'msg' }),
    ...extra,
  } as Record<string, unknown>;
}

describe('core/pipeline diagram', () => {
  it('lays the stages out left to right with a card per app, review apps with branch and PR, CI runs newest first', async () => {
    const snap = await loadPipeline(fakeApi(answers() as never), 'shop');
    const d = buildDiagram(snap);
    assert.deepEqual(d.columns.map((c) => c.stage), ['test', 'review', 'development', 'staging', 'production']);
    assert.equal(d.pipeline.generation, 'cedar');
    const review = d.columns[1].cards;
    assert.deepEqual(review.map((c) => [c.name, c.review?.branch, c.review?.prNumber, c.review?.status]),
      [['fix/y #8', 'fix/y', 8, 'creating'], ['shop-pr-7', 'feature/x', 7, 'created']]);
    const prod = d.columns[4].cards;
    assert.deepEqual(prod.map((c) => c.name), ['name-p', 'name-p2']);
    assert.equal(prod[0].dynos?.level, 'bad');
    assert.equal(prod[1].space, 'vault');
    assert.equal(prod[0].release?.kind, 'config');
    assert.equal(prod[1].release?.kind, 'rollback');
    const dev = d.columns[2].cards[0];
    assert.deepEqual([dev.release?.kind, dev.release?.ref, dev.commit?.short, dev.region], ['deploy', '1a2b3c4', 'd000000', 'us']);
    assert.deepEqual(d.columns[0].runs?.map((r) => [r.number, r.statusClass, r.durationMs]), [[3, 'running', undefined], [2, 'fail', 30_000], [1, 'ok', 65_000]]);
    assert.equal(d.columns[0].runs?.[2].message, 'one', 'first line of the commit message');
    assert.equal(d.partial, false);
  });

  it('promotable pairs: development → staging apps, staging → every production app; review and production promote nowhere', async () => {
    const d = buildDiagram(await loadPipeline(fakeApi(answers() as never), 'shop'));
    const byStage = Object.fromEntries(d.columns.map((c) => [c.stage, c.cards]));
    assert.deepEqual(byStage.development[0].promote?.targets.map((t) => t.name), ['name-s']);
    assert.deepEqual(byStage.staging[0].promote?.targets.map((t) => t.name), ['name-p', 'name-p2']);
    assert.equal(byStage.staging[0].promote?.stage, 'production');
    assert.equal(byStage.production[0].promote, undefined);
    assert.equal(byStage.review[0].promote, undefined);
  });

  it('shows what it has and a retry for what failed, never a blank diagram', async () => {
    const calls: string[] = [];
    const api = fakeApi(answers({ reviewApps: fail(err(503, 'Service Unavailable')), dynos: (id: unknown) => (id === 's' ? fail(err(0, 'socket hang up', 'network')) : ok([])) }) as never, calls);
    const snap = await loadPipeline(api, 'shop');
    const d = buildDiagram(snap);
    const review = d.columns.find((c) => c.stage === 'review');
    assert.ok(review, 'the review column stays');
    assert.deepEqual(review.cards.map((c) => c.name), ['shop-pr-7'], 'the coupled review app is still drawn');
    assert.equal(review.failures[0].retryKey, 'lists');
    assert.match(review.failures[0].message, /Service Unavailable/);
    const staging = d.columns.find((c) => c.stage === 'staging')?.cards[0];
    assert.equal(staging?.failures[0].retryKey, 'app:s');
    assert.ok(staging?.release, 'the release is still shown');
    assert.equal(staging?.releaseUnknown, undefined);
    const noReleases = buildDiagram(await loadPipeline(fakeApi(answers({ latestReleases: fail(err(0, 'dropped', 'network')) }) as never), 'shop'));
    assert.ok(noReleases.columns.flatMap((c) => c.cards).every((c) => c.releaseUnknown === true));
    // Retrying the card reads only that app's details.
    calls.length = 0;
    const again = await retryPart(fakeApi(answers() as never, calls), snap, 'app:s');
    assert.deepEqual(calls.sort(), ['app(s)', 'dynos(s)', 'slug(s,slug-s)']);
    assert.equal(buildDiagram(again).columns.find((c) => c.stage === 'staging')?.cards[0].failures.length, 0);
  });

  it('a pipeline that cannot be read is one failure with a retry of everything; without CI there is no test column', async () => {
    const d = buildDiagram(await loadPipeline(fakeApi({ pipeline: fail(err(404, 'Couldn\'t find that pipeline.')) }), 'nope'));
    assert.deepEqual([d.columns.length, d.failures[0].retryKey, d.pipeline.name], [0, 'all', 'nope']);
    const noCi = buildDiagram(await loadPipeline(fakeApi(answers({ testRuns: fail(err(404, 'not enabled')) }) as never), 'shop'));
    assert.equal(noCi.columns[0].stage, 'review');
    const ciDown = buildDiagram(await loadPipeline(fakeApi(answers({ testRuns: fail(err(500, 'boom')) }) as never), 'shop'));
    assert.equal(ciDown.columns[0].stage, 'test', 'a CI failure other than 404 is shown with a retry');
    assert.equal(ciDown.columns[0].failures.length, 1);
  });

  it('skips malformed items instead of failing', async () => {
    const d = buildDiagram(await loadPipeline(fakeApi(answers({
      couplings: ok([null, { app: {}, stage: 'staging' }, { app: { id: 'x' }, stage: 'moon' }, coupling('s', 'staging')]),
      latestReleases: ok([null, { app: { id: 's', name: 'shop-staging' }, version: 'v1' }]),
      reviewApps: ok('not a list'), testRuns: ok([{ id: 5 }]),
    }) as never), 'shop'));
    assert.deepEqual(d.columns.flatMap((c) => c.cards.map((x) => x.appId)), ['s']);
    assert.equal(d.columns.find((c) => c.stage === 'staging')?.cards[0].release, undefined);
  });

  it('asked by id, it reads the lists together with the pipeline (one round trip less); by name, after it', async () => {
    const id = '484e817a-acd6-5479-a724-bc6153858216';
    const calls: string[] = [];
    const d = buildDiagram(await loadPipeline(fakeApi(answers({ pipeline: ok({ ...P, id }) }) as never, calls), id));
    assert.deepEqual(calls.slice(0, 5).sort(), [`couplings(${id})`, `latestReleases(${id})`, `pipeline(${id})`, `reviewApps(${id})`, `testRuns(${id})`]);
    assert.ok(d.columns.some((c) => c.cards.length > 0));
    const byName: string[] = [];
    await loadPipeline(fakeApi(answers() as never, byName), 'shop');
    assert.equal(byName[0], 'pipeline(shop)');
    assert.equal(byName[1], 'couplings(p1)');
  });

  it('summarises dyno health', () => {
    assert.equal(dynoHealth([]).level, 'none');
    assert.equal(dynoHealth([{ state: 'up' }, { state: 'up' }] as never).level, 'ok');
    assert.equal(dynoHealth([{ state: 'up' }, { state: 'idle' }] as never).level, 'warn');
    assert.deepEqual(dynoHealth([{ state: 'crashed' }, { state: 'starting' }] as never), { up: 0, starting: 1, crashed: 1, idle: 0, other: 0, level: 'bad' });
  });

  it('reviews get no detail requests (a hundred review apps cost no extra reads)', async () => {
    const calls: string[] = [];
    const many = Array.from({ length: 100 }, (_, i) => coupling(`r${i}`, 'review'));
    const rels = many.map((c, i) => rel(c.app.id, `shop-pr-${i}`, 1, 'Deploy abcdef0'));
    await loadPipeline(fakeApi(answers({ couplings: ok([...many, coupling('s', 'staging')]), latestReleases: ok(rels) }) as never, calls), 'shop');
    assert.equal(calls.filter((c) => /^(app|dynos|slug)\(r/.test(c)).length, 0);
    assert.ok(calls.includes('app(s)'));
  });
});
