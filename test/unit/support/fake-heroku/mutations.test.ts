import assert from 'node:assert/strict';
import { useFakeHeroku } from '../../../support/use-fake-heroku';
import { call } from './client';

type Formation = { type: string; quantity: number; size: string };
type Dyno = { name: string; state: string; size: string };
type Release = { id: string; version: number; description: string; status: string; current: boolean };
const TFA = { 'Heroku-Two-Factor-Code': '424242' };

describe('fake Heroku: mutations', () => {
  const heroku = useFakeHeroku();

  const dynos = async (app: string): Promise<Dyno[]> => (await call(heroku, 'GET', `/apps/${app}/dynos`)).body as Dyno[];
  const releases = async (app: string): Promise<Release[]> =>
    (await call(heroku, 'GET', `/apps/${app}/releases`, { headers: { Range: 'version ..; order=desc, max=5' } })).body as Release[];

  it('requires the two-factor code for changes to acme-web-production, not for reads', async () => {
    const denied = await call(heroku, 'PATCH', '/apps/acme-web-production/formation/web', { body: { quantity: 3 } });
    assert.equal(denied.status, 403);
    assert.equal((denied.body as { id: string }).id, 'two_factor');
    const wrong = await call(heroku, 'DELETE', '/apps/acme-web-production/dynos', { headers: { 'Heroku-Two-Factor-Code': '000000' } });
    assert.equal(wrong.status, 403);
    assert.equal((await call(heroku, 'GET', '/apps/acme-web-production/config-vars')).status, 200);
    assert.equal((await call(heroku, 'PATCH', '/apps/acme-web-production/formation/web', { body: { quantity: 3 }, headers: TFA })).status, 200);
    assert.equal((await dynos('acme-web-production')).filter((d) => d.name.startsWith('web.')).length, 3);
  });

  it('scales one type: quantity and size change the formation and the dynos; ETag of the formation changes', async () => {
    const before = await call(heroku, 'GET', '/apps/acme-web-staging/formation');
    const r = await call(heroku, 'PATCH', '/apps/acme-web-staging/formation/web', { body: { quantity: 2, size: 'standard-2x' } });
    assert.deepEqual([(r.body as Formation).quantity, (r.body as Formation).size], [2, 'standard-2X']);
    const web = (await dynos('acme-web-staging')).filter((d) => d.name.startsWith('web.'));
    assert.deepEqual(web.map((d) => [d.name, d.size, d.state]).sort(), [['web.1', 'standard-2X', 'starting'], ['web.2', 'standard-2X', 'starting']]);
    const after = await call(heroku, 'GET', '/apps/acme-web-staging/formation', { headers: { 'If-None-Match': before.headers.get('etag') ?? '' } });
    assert.equal(after.status, 200);
  });

  it('scales in a batch atomically; an unknown size is 422 and changes nothing', async () => {
    const ok = await call(heroku, 'PATCH', '/apps/acme-api/formation', { body: { updates: [{ type: 'web', quantity: 1 }, { type: 'clock', quantity: 0 }] } });
    assert.deepEqual((ok.body as Formation[]).map((f) => [f.type, f.quantity]), [['web', 1], ['clock', 0]]);
    assert.deepEqual((await dynos('acme-api')).map((d) => d.name), ['web.1']);
    const bad = await call(heroku, 'PATCH', '/apps/acme-api/formation', { body: { updates: [{ type: 'web', quantity: 3 }, { type: 'clock', size: 'gigantic' }] } });
    assert.equal(bad.status, 422);
    assert.equal((bad.body as { id: string }).id, 'invalid_params');
    const f = (await call(heroku, 'GET', '/apps/acme-api/formation/web')).body as Formation;
    assert.equal(f.quantity, 1, 'the batch did not half-apply');
    assert.equal((await call(heroku, 'PATCH', '/apps/acme-api/formation/nope', { body: { quantity: 1 } })).status, 404);
    const schemaForm = await call(heroku, 'PATCH', '/apps/acme-api/formation', { body: { updates: [{ type: 'web', dyno_size: { name: 'Performance-M' } }] } });
    assert.equal((schemaForm.body as Formation[])[0].size, 'performance-M');
    assert.equal((await call(heroku, 'PATCH', '/apps/acme-api/formation/web', { body: { dyno_size: { id: 'nope' } } })).status, 422);
    assert.equal((await call(heroku, 'PATCH', '/apps/acme-ledger/formation/web', { body: { size: 'standard-1X' } })).status, 422);
  });

  it('restarts all dynos, one dyno, or one type; starting dynos come up after dynoBootMs', async () => {
    heroku.fake.state.dynoBootMs = 60_000;
    assert.equal((await call(heroku, 'DELETE', '/apps/acme-api/dynos/web.1')).status, 202);
    assert.deepEqual((await dynos('acme-api')).map((d) => [d.name, d.state]).sort(), [['clock.1', 'crashed'], ['web.1', 'starting'], ['web.2', 'starting']]);
    await call(heroku, 'DELETE', '/apps/acme-api/dynos/clock');
    assert.equal((await dynos('acme-api')).find((d) => d.name === 'clock.1')?.state, 'starting');
    await call(heroku, 'POST', '/apps/dana-blog/dynos/web.1/actions/stop');
    heroku.fake.state.dynoBootMs = 0;
    await call(heroku, 'DELETE', '/apps/dana-blog/dynos');
    assert.deepEqual((await dynos('dana-blog')).map((d) => d.state), ['up']);
    assert.equal((await call(heroku, 'DELETE', '/apps/dana-blog/dynos/worker.9')).status, 404);
  });

  it('sets and removes config vars (null removes); the change is a new release', async () => {
    const r = await call(heroku, 'PATCH', '/apps/acme-web-staging/config-vars', { body: { FEATURE_X: 'on', NODE_ENV: null } });
    const cfg = r.body as Record<string, string>;
    assert.equal(cfg.FEATURE_X, 'on');
    assert.ok(!('NODE_ENV' in cfg));
    assert.deepEqual((await call(heroku, 'GET', '/apps/acme-web-staging/config-vars')).body, cfg);
    const [latest] = await releases('acme-web-staging');
    assert.equal(latest.description, 'Set FEATURE_X config vars and Remove NODE_ENV config vars');
    assert.equal(latest.version, 18);
    assert.equal((await call(heroku, 'PATCH', '/apps/acme-web-staging/config-vars', { body: { 'BAD-NAME': 'x' } })).status, 422);
    assert.equal((await call(heroku, 'PATCH', '/apps/acme-web-staging/config-vars', { body: { N: 5 } })).status, 422);
  });

  it('rolls back: a new release "Rollback to vN" with that release\'s config', async () => {
    const before = (await call(heroku, 'GET', '/apps/dana-blog/config-vars')).body as Record<string, string>;
    const r = await call(heroku, 'POST', '/apps/dana-blog/releases', { body: { release: '5' } });
    assert.equal(r.status, 201);
    const rel = r.body as Release;
    assert.deepEqual([rel.version, rel.description, rel.current], [13, 'Rollback to v5', true]);
    const v5cfg = (await call(heroku, 'GET', '/apps/dana-blog/releases/5/config-vars')).body;
    const now = (await call(heroku, 'GET', '/apps/dana-blog/config-vars')).body;
    assert.deepEqual(now, v5cfg);
    assert.notDeepEqual(now, before, 'v5 predates the newest config var');
    assert.equal((await call(heroku, 'POST', '/apps/acme-web-production/releases', { body: { release: '40' }, headers: TFA })).status, 422);
    assert.equal((await call(heroku, 'POST', '/apps/dana-blog/releases', { body: {} })).status, 422);
  });

  it('sets maintenance and renames an app; a taken or invalid name is 422', async () => {
    const r = await call(heroku, 'PATCH', '/apps/dana-scratch', { body: { maintenance: true, name: 'dana-sandbox' } });
    assert.deepEqual([(r.body as { name: string }).name, (r.body as { maintenance: boolean }).maintenance], ['dana-sandbox', true]);
    assert.equal((await call(heroku, 'GET', '/apps/dana-scratch')).status, 404);
    assert.equal((await call(heroku, 'PATCH', '/apps/dana-sandbox', { body: { name: 'dana-blog' } })).status, 422);
    assert.equal((await call(heroku, 'PATCH', '/apps/dana-sandbox', { body: { name: 'Bad Name' } })).status, 422);
    assert.equal((await call(heroku, 'PATCH', '/apps/dana-sandbox', { body: { maintenance: 'yes' } })).status, 422);
    const moved = await call(heroku, 'PATCH', '/apps/dana-sandbox', { body: { build_stack: 'heroku-22' } });
    assert.equal((moved.body as { build_stack: { name: string } }).build_stack.name, 'heroku-22');
    assert.equal((await call(heroku, 'PATCH', '/apps/dana-sandbox', { body: { build_stack: 'cedar-14' } })).status, 422);
  });

  it('promotes staging to production: a new release in the target, targets and status reported', async () => {
    const pipeline = (await call(heroku, 'GET', '/pipelines/acme-web')).body as { id: string };
    const app = async (n: string) => ((await call(heroku, 'GET', `/apps/${n}`)).body as { id: string }).id;
    const [staging, production] = [await app('acme-web-staging'), await app('acme-web-production')];
    const body = { pipeline: { id: pipeline.id }, source: { app: { id: staging } }, targets: [{ app: { id: production } }] };
    assert.equal((await call(heroku, 'POST', '/pipeline-promotions', { body })).status, 403, 'production needs two-factor');
    const p = await call(heroku, 'POST', '/pipeline-promotions', { body, headers: TFA });
    assert.equal(p.status, 201);
    assert.equal((p.body as { status: string }).status, 'pending');
    const id = (p.body as { id: string }).id;
    assert.equal(((await call(heroku, 'GET', `/pipeline-promotions/${id}`)).body as { status: string }).status, 'completed');
    const targets = (await call(heroku, 'GET', `/pipeline-promotions/${id}/promotion-targets`)).body as { status: string; release: { id: string } }[];
    assert.equal(targets[0].status, 'succeeded');
    const [latest] = await releases('acme-web-production');
    assert.deepEqual([latest.id, latest.description, latest.version], [targets[0].release.id, 'Promote acme-web-staging v16', 43]);
    const v14 = ((await call(heroku, 'GET', '/apps/acme-web-staging/releases/14')).body as Release).id;
    const pinned = await call(heroku, 'POST', '/pipeline-promotions', { body: { ...body, source: { app: { id: staging }, release: { id: v14 } } }, headers: TFA });
    assert.equal(pinned.status, 201);
    assert.equal(((await releases('acme-web-production'))[0]).description, 'Promote acme-web-staging v14');
    const pending = ((await call(heroku, 'GET', '/apps/acme-web-staging/releases/17')).body as Release).id;
    assert.equal((await call(heroku, 'POST', '/pipeline-promotions', { body: { ...body, source: { app: { id: staging }, release: { id: pending } } }, headers: TFA })).status, 422);
    const outside = { ...body, targets: [{ app: { id: await app('dana-blog') } }] };
    assert.equal((await call(heroku, 'POST', '/pipeline-promotions', { body: outside })).status, 422);
  });
});
