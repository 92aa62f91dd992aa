import assert from 'node:assert/strict';
import { useFakeHeroku } from '../../../support/use-fake-heroku';
import { call } from './client';

describe('fake Heroku: features, builds, add-ons, app deletion', () => {
  const heroku = useFakeHeroku();

  it('lists app features and switches one on', async () => {
    const before = (await call(heroku, 'GET', '/apps/dana-blog/features')).body as { name: string; enabled: boolean }[];
    assert.equal(before.find((f) => f.name === 'preboot')?.enabled, false);
    const r = await call(heroku, 'PATCH', '/apps/dana-blog/features/preboot', { body: { enabled: true } });
    assert.equal((r.body as { enabled: boolean }).enabled, true);
    assert.equal(((await call(heroku, 'GET', '/apps/dana-blog/features/preboot')).body as { enabled: boolean }).enabled, true);
    assert.equal((await call(heroku, 'PATCH', '/apps/dana-blog/features/preboot', { body: {} })).status, 422);
    assert.equal((await call(heroku, 'GET', '/apps/dana-blog/features/warp-drive')).status, 404);
  });

  it('derives builds from deploy releases and serves their output as text', async () => {
    const builds = (await call(heroku, 'GET', '/apps/dana-blog/builds')).body as { id: string; status: string; output_stream_url: string; release: { id: string } }[];
    assert.ok(builds.length >= 5);
    const res = await fetch(builds[0].output_stream_url);
    assert.match(await res.text(), /-----> Build succeeded!/);
    assert.equal((await call(heroku, 'GET', `/apps/dana-blog/builds/${builds[0].id}`)).status, 200);
  });

  it('shows an add-on shared by two apps on both, billed to one', async () => {
    const onApi = (await call(heroku, 'GET', '/apps/acme-api/addons')).body as { name: string; app: { name: string } }[];
    const redis = onApi.find((a) => a.name === 'redis-shaped-24601');
    assert.equal(redis?.app.name, 'acme-web-production');
    const atts = (await call(heroku, 'GET', '/addons/redis-shaped-24601/addon-attachments')).body as { app: { name: string }; name: string }[];
    assert.deepEqual(atts.map((a) => a.app.name).sort(), ['acme-api', 'acme-web-production']);
    const cfg = (await call(heroku, 'GET', '/apps/acme-api/config-vars')).body as Record<string, string>;
    assert.match(cfg.REDIS_URL, /^rediss:\/\//);
  });

  it('deletes an app and everything that belongs to it', async () => {
    assert.equal((await call(heroku, 'DELETE', '/apps/dana-scratch')).status, 200);
    assert.equal((await call(heroku, 'GET', '/apps/dana-scratch')).status, 404);
    assert.equal((await call(heroku, 'GET', '/apps/dana-scratch/releases')).status, 404);
    const orphans = [...heroku.fake.state.releases.values(), ...heroku.fake.state.dynos.values(), ...heroku.fake.state.formation.values()]
      .filter((x) => !heroku.fake.state.apps.has(x.appId));
    assert.deepEqual(orphans, []);
  });

  it('seeds dynos in every state the explorer shows, and a Private Space app', async () => {
    const states = new Set<string>();
    for (const app of ['acme-web-staging', 'acme-api', 'dana-blog', 'acme-web-production']) {
      for (const d of (await call(heroku, 'GET', `/apps/${app}/dynos`)).body as { state: string }[]) states.add(d.state);
    }
    assert.deepEqual([...states].sort(), ['crashed', 'idle', 'starting', 'up']);
    const ledger = (await call(heroku, 'GET', '/apps/acme-ledger')).body as { space: { name: string } | null; region: { name: string } };
    assert.deepEqual([ledger.space?.name, ledger.region.name], ['acme-vault', 'virginia']);
  });

  it('dumps features and config per app id in GET /__fake/state', async () => {
    const dump = await heroku.control.state();
    const id = heroku.fake.state.app('acme-web-production').id;
    assert.deepEqual(dump.features[id], ['preboot', 'runtime-dyno-metadata']);
    assert.equal(dump.configVars[id].NODE_ENV, 'production');
  });
});
