import assert from 'node:assert/strict';
import { useFakeHeroku } from '../../../support/use-fake-heroku';
import { call } from './client';
import { deploy, openStream } from './deploy-helpers';

type ReviewApp = { id: string; app: { id: string } | null; status: string; branch: string; pr_number: number | null; fork_repo: { id: number } | null };
type Coupling = { id: string; app: { id: string }; stage: string };
type TestRun = { id: string; number: number; status: string; commit_branch: string };
type TestNode = { status: string; exit_code: number | null; setup_stream_url: string; output_stream_url: string };
const TFA = { 'Heroku-Two-Factor-Code': '424242' };

describe('fake Heroku: pipelines, review apps, Heroku CI', () => {
  let now = Date.now();
  const heroku = useFakeHeroku({ clock: () => now });
  let pipeline = '';
  beforeEach(() => {
    pipeline = heroku.fake.state.pipeline('acme-web').id;
  });
  const idOf = (name: string): string => heroku.fake.state.app(name).id;
  const couplings = async (): Promise<Coupling[]> => (await call(heroku, 'GET', `/pipelines/${pipeline}/pipeline-couplings`)).body as Coupling[];

  it('creates a review app for a branch: pending, then creating with its app in the review stage, then created; deletes it', async () => {
    heroku.fake.state.reviewAppMs = 3000;
    const r = await call(heroku, 'POST', '/review-apps', { body: { branch: 'feature/csv-export', pipeline, pr_number: 142, fork_repo_id: 7, source_blob: { url: 'https://github.com/acme/web/tarball/abc', version: 'abc1234def' }, environment: { FEATURE_CSV: 'on' } } });
    assert.equal(r.status, 201);
    const ra = r.body as ReviewApp;
    assert.deepEqual([ra.status, ra.app, ra.branch, ra.pr_number, ra.fork_repo], ['pending', null, 'feature/csv-export', 142, { id: 7 }]);
    now += 1000;
    const creating = (await call(heroku, 'GET', `/review-apps/${ra.id}`)).body as ReviewApp;
    assert.equal(creating.status, 'creating');
    const app = (await call(heroku, 'GET', `/apps/${creating.app!.id}`)).body as { name: string };
    assert.equal(app.name, 'acme-web-pr-142');
    assert.equal(((await call(heroku, 'GET', '/apps/acme-web-pr-142/review-app')).body as ReviewApp).id, ra.id);
    assert.ok((await couplings()).some((c) => c.app.id === creating.app!.id && c.stage === 'review'));
    assert.equal(((await call(heroku, 'GET', '/apps/acme-web-pr-142/config-vars')).body as Record<string, string>).FEATURE_CSV, 'on');
    now += 2000;
    assert.equal(((await call(heroku, 'GET', `/review-apps/${ra.id}`)).body as ReviewApp).status, 'created');
    const rels = (await call(heroku, 'GET', '/apps/acme-web-pr-142/releases', { headers: { Range: 'version ..' } })).body as { description: string; current: boolean }[];
    assert.deepEqual(rels.map((x) => [x.description, x.current]), [['Initial release', false], ['Deploy abc1234d', true]]);
    assert.ok(((await call(heroku, 'GET', `/pipelines/${pipeline}/review-apps`)).body as ReviewApp[]).some((x) => x.id === ra.id));
    const del = await call(heroku, 'DELETE', `/review-apps/${ra.id}`);
    assert.equal((del.body as ReviewApp).status, 'deleting');
    assert.equal((await call(heroku, 'GET', '/apps/acme-web-pr-142')).status, 404);
    assert.equal(((await call(heroku, 'GET', `/review-apps/${ra.id}`)).body as ReviewApp).status, 'deleted');
    assert.ok(!((await call(heroku, 'GET', `/pipelines/${pipeline}/review-apps`)).body as ReviewApp[]).some((x) => x.id === ra.id));
    assert.equal((await call(heroku, 'DELETE', `/review-apps/${ra.id}`)).status, 404);
    for (const bad of [{ pipeline, source_blob: { url: 'x' } }, { branch: 'b', source_blob: { url: 'x' } }, { branch: 'b', pipeline }]) {
      assert.equal((await call(heroku, 'POST', '/review-apps', { body: bad })).status, 422, JSON.stringify(bad));
    }
    assert.equal((await call(heroku, 'GET', '/apps/acme-web-dev/review-app')).status, 404);
  });

  it('lists the latest build and deployment of each app in the pipeline; a new deploy shows there', async () => {
    const builds = (await call(heroku, 'GET', `/pipelines/${pipeline}/latest-builds`)).body as { app: { id: string }; id: string }[];
    const deployments = (await call(heroku, 'GET', `/pipelines/${pipeline}/latest-deployments`)).body as { app: { id: string }; description: string; status: string }[];
    const coupled = new Set((await couplings()).map((c) => c.app.id));
    const ids = builds.map((b) => b.app.id);
    assert.equal(new Set(ids).size, ids.length, 'one build per app');
    assert.ok(ids.every((id) => coupled.has(id)) && ids.length >= 4, 'the apps of the pipeline that have builds');
    assert.ok(deployments.every((d) => /^(Deploy|Promote|Rollback) /.test(d.description)));
    assert.ok(deployments.some((d) => d.app.id === idOf('acme-web-production')));
    heroku.fake.state.buildStepMs = 0;
    const b = await deploy(heroku, 'acme-web-dev', { 'package.json': '{"scripts":{"start":"node s.js"}}' });
    const after = (await call(heroku, 'GET', `/pipelines/${pipeline}/latest-builds`)).body as { app: { id: string }; id: string; status: string }[];
    assert.deepEqual(after.filter((x) => x.app.id === idOf('acme-web-dev')).map((x) => [x.id, x.status]), [[b.id, 'succeeded']]);
    const dep = (await call(heroku, 'GET', `/pipelines/${pipeline}/latest-deployments`)).body as { app: { id: string }; description: string }[];
    assert.equal(dep.find((d) => d.app.id === idOf('acme-web-dev'))?.description, 'Deploy c0ffee12');
  });

  it('serves slugs with their commit, also to the apps a promotion shared them with', async () => {
    const cur = (await call(heroku, 'GET', '/apps/acme-web-staging/releases/15')).body as { id: string; slug: { id: string }; description: string };
    const slug = (await call(heroku, 'GET', `/apps/acme-web-staging/slugs/${cur.slug.id}`)).body as { commit: string; commit_description: string; process_types: Record<string, string> };
    assert.match(slug.commit, /^[0-9a-f]{40}$/);
    assert.equal(cur.description, `Deploy ${slug.commit.slice(0, 7)}`);
    assert.ok(slug.commit_description.length > 5);
    assert.deepEqual(slug.process_types, { web: 'npm start', worker: 'node worker.js' });
    assert.equal((await call(heroku, 'GET', `/apps/dana-blog/slugs/${cur.slug.id}`)).status, 404, 'another app\'s slug');
    await call(heroku, 'POST', '/pipeline-promotions', { body: { pipeline: { id: pipeline }, source: { app: { id: idOf('acme-web-staging') }, release: { id: cur.id } }, targets: [{ app: { id: idOf('acme-web-production') } }] }, headers: TFA });
    assert.equal((await call(heroku, 'GET', `/apps/acme-web-production/slugs/${cur.slug.id}`)).status, 200);
  });

  it('adds an app to a stage, moves it, removes it; an app in a pipeline or a bad stage is 422', async () => {
    const add = await call(heroku, 'POST', '/pipeline-couplings', { body: { app: 'dana-scratch', pipeline, stage: 'development' } });
    assert.equal(add.status, 201);
    const c = add.body as Coupling;
    assert.equal((await call(heroku, 'POST', '/pipeline-couplings', { body: { app: idOf('dana-scratch'), pipeline, stage: 'staging' } })).status, 422);
    assert.equal((await call(heroku, 'POST', '/pipeline-couplings', { body: { app: 'dana-blog', pipeline, stage: 'qa' } })).status, 422);
    assert.equal(((await call(heroku, 'PATCH', `/pipeline-couplings/${c.id}`, { body: { stage: 'staging' } })).body as Coupling).stage, 'staging');
    assert.equal(((await call(heroku, 'GET', '/apps/dana-scratch/pipeline-couplings')).body as Coupling).stage, 'staging');
    assert.equal((await call(heroku, 'DELETE', `/pipeline-couplings/${c.id}`)).status, 200);
    assert.equal((await call(heroku, 'GET', '/apps/dana-scratch/pipeline-couplings')).status, 404);
    const prod = (await couplings()).find((x) => x.app.id === idOf('acme-web-production'))!;
    assert.equal((await call(heroku, 'PATCH', `/pipeline-couplings/${prod.id}`, { body: { stage: 'staging' } })).status, 403, 'two-factor');
  });

  it('runs Heroku CI: creating, building with setup output, running with test output, then the outcome', async () => {
    heroku.fake.state.testRunStepMs = 1000;
    const body = { pipeline: 'acme-web', commit_branch: 'main', commit_message: 'Fix refunds', commit_sha: 'f00dfeed'.repeat(5), source_blob_url: 'https://example.com/src.tgz' };
    const created = await call(heroku, 'POST', '/test-runs', { body });
    assert.equal(created.status, 201);
    const run = created.body as TestRun;
    assert.equal(run.status, 'pending');
    const [node] = (await call(heroku, 'GET', `/test-runs/${run.id}/test-nodes`)).body as TestNode[];
    const status = async (): Promise<string> => ((await call(heroku, 'GET', `/pipelines/${pipeline}/test-runs/${run.number}`)).body as TestRun).status;
    now += 1000;
    assert.equal(await status(), 'creating');
    now += 1000;
    assert.equal(await status(), 'building');
    const setup = await openStream(node.setup_stream_url);
    await setup.until(/Fetching app code\n/);
    now += 16_000; // the 16 setup lines
    assert.match(await setup.rest(), /Test setup completed\n$/);
    assert.equal(await status(), 'running');
    now += 3_600_000;
    assert.match(await (await fetch(node.output_stream_url)).text(), /✔ totals line items[\s\S]*-----> Tests passed\n$/);
    assert.equal(await status(), 'succeeded');
    assert.equal(((await call(heroku, 'GET', `/test-runs/${run.id}/test-nodes`)).body as TestNode[])[0].exit_code, 0);

    heroku.fake.state.testRunResult = 'failed';
    const bad = (await call(heroku, 'POST', '/test-runs', { body: { ...body, commit_branch: 'broken' } })).body as TestRun;
    assert.equal(bad.number, run.number + 1);
    now += 3_600_000;
    const newest = (await call(heroku, 'GET', `/pipelines/${pipeline}/test-runs`, { headers: { Range: 'number ..; order=desc, max=1' } })).body as TestRun[];
    assert.deepEqual(newest.map((x) => [x.number, x.status, x.commit_branch]), [[bad.number, 'failed', 'broken']]);
    const [failedNode] = (await call(heroku, 'GET', `/test-runs/${bad.id}/test-nodes`)).body as TestNode[];
    assert.equal(failedNode.exit_code, 1);
    assert.match(await (await fetch(failedNode.output_stream_url)).text(), /1 failing[\s\S]*AssertionError[\s\S]*-----> Tests failed/);
    assert.equal((await call(heroku, 'POST', '/test-runs', { body: { ...body, commit_sha: undefined } })).status, 422);
    assert.equal((await call(heroku, 'GET', '/test-runs/00000000-0000-4000-8000-000000000000')).status, 404);
  });

  it('slows promotions with promotionMs and fails chosen targets with promotionFailures', async () => {
    await call(heroku, 'POST', '/pipeline-couplings', { body: { app: 'dana-scratch', pipeline, stage: 'staging' } });
    heroku.fake.state.promotionMs = 5000;
    heroku.fake.state.promotionFailures = { 'dana-scratch': 'Slug is too large for this dyno size' };
    const r = await call(heroku, 'POST', '/pipeline-promotions', { body: { pipeline: { id: pipeline }, source: { app: { id: idOf('acme-web-dev') } }, targets: [{ app: { id: idOf('acme-web-staging') } }, { app: { id: idOf('dana-scratch') } }] } });
    const id = (r.body as { id: string }).id;
    assert.equal(((await call(heroku, 'GET', `/pipeline-promotions/${id}`)).body as { status: string }).status, 'pending');
    now += 5000;
    assert.equal(((await call(heroku, 'GET', `/pipeline-promotions/${id}`)).body as { status: string }).status, 'completed');
    const targets = (await call(heroku, 'GET', `/pipeline-promotions/${id}/promotion-targets`)).body as { app: { id: string }; status: string; error_message: string | null }[];
    assert.deepEqual(targets.map((t) => [t.app.id, t.status, t.error_message]).sort(), [
      [idOf('acme-web-staging'), 'succeeded', null], [idOf('dana-scratch'), 'failed', 'Slug is too large for this dyno size'],
    ].sort());
  });
});
