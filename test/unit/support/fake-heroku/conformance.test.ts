import assert from 'node:assert/strict';
import { type FakeHeroku } from '../../../support/fake-heroku';
import { useFakeHeroku } from '../../../support/use-fake-heroku';
import { SchemaValidator } from '../../../support/fake-heroku/schema/validator';
import { stableId } from '../../../support/fake-heroku/state/ids';
import { ACCEPT, ACCEPT_SDK, call, schema } from './client';

/** Concrete values for each path parameter, taken from the demo seed (several apps, so every shape is seen). */
function samples(fake: FakeHeroku, promotionId: string): Record<string, (app: string) => string[]> {
  const s = fake.state;
  const appId = (name: string): string => s.app(name).id;
  return {
    app: () => [...s.apps.values()].map((a) => a.name),
    team: () => ['acme'],
    space: () => ['acme-vault'],
    region: () => ['eu', 'virginia'],
    type: (app) => s.appsOf(s.formation, appId(app)).map((f) => f.type),
    dyno: (app) => s.appsOf(s.dynos, appId(app)).map((d) => d.name),
    release: (app) => s.releasesOf(appId(app)).map((r) => String(r.version)).slice(-3),
    addon: (app) => [...s.addons.values()].filter((a) => app === '' || a.appId === appId(app)).map((a) => a.name),
    attachment: (app) => s.appsOf(s.attachments, appId(app)).map((a) => a.name),
    id: () => [...s.attachments.values(), ...s.reviewApps.values(), ...s.testRuns.values()].map((a) => a.id),
    number: () => [...s.testRuns.values()].map((r) => String(r.number)),
    domain: (app) => s.appsOf(s.domains, appId(app)).map((d) => d.hostname),
    pipeline: () => ['acme-web'],
    coupling: () => [...s.couplings.values()].map((c) => c.id),
    promotion: () => [promotionId],
    service: () => ['heroku-postgresql', 'heroku-redis', 'heroku-kafka'],
    size: () => ['standard-1X', 'private-M'],
    feature: () => ['preboot', 'log-runtime-metrics'],
    build: (app) => s.releasesOf(appId(app)).filter((r) => r.description.startsWith('Deploy ') && r.slugId).map((r) => stableId(`build:${r.id}`)).slice(-2),
    slug: (app) => [...new Set(s.releasesOf(appId(app)).map((r) => r.slugId).filter((x) => x !== null))].slice(-2),
  };
}

/** Expands `/apps/:app/dynos/:dyno` into concrete paths, per app so that nested params belong to that app. */
function expand(pattern: string, table: ReturnType<typeof samples>): string[] {
  const names = [...pattern.matchAll(/:(\w+)/g)].map((m) => m[1]);
  const apps = names.includes('app') ? table.app('') : [''];
  const out: string[] = [];
  for (const app of apps) {
    let paths = [pattern.replace(':app', app)];
    for (const n of names.filter((x) => x !== 'app')) {
      const values = table[n]?.(app) ?? [];
      paths = paths.flatMap((p) => values.map((v) => p.replace(`:${n}`, encodeURIComponent(v))));
    }
    out.push(...paths);
  }
  return out;
}

describe('fake Heroku: schema conformance', () => {
  const heroku = useFakeHeroku({ apps: 3, resetEach: false });

  it('the validator rejects wrong bodies (so the checks below can fail)', () => {
    const v = schema();
    assert.equal(v.validateResponse('GET', '/account', {}).ok, false, 'missing properties');
    assert.equal(v.validateResponse('GET', '/apps', {}).ok, false, 'object instead of array');
    assert.equal(v.validateResponse('GET', '/nowhere/at/all', {}).ok, false, 'no link');
  });

  it('every body of every GET route matches its link in the 3.sdk schema, for every demo app', async function () {
    this.timeout(60_000); // a few hundred requests; the machine is shared
    const pipeline = (await call(heroku, 'GET', '/pipelines/acme-web')).body as { id: string };
    const staging = heroku.fake.state.app('acme-web-staging').id;
    const dev = heroku.fake.state.app('acme-web-dev').id;
    const promo = await call(heroku, 'POST', '/pipeline-promotions', { body: { pipeline: { id: pipeline.id }, source: { app: { id: dev } }, targets: [{ app: { id: staging } }] } });
    // Review apps and CI runs made here too, so their routes answer whatever the seed holds.
    await call(heroku, 'POST', '/review-apps', { body: { branch: 'b', pipeline: pipeline.id, pr_number: 9, source_blob: { url: 'https://example.com/x.tgz' } } });
    await call(heroku, 'POST', '/test-runs', { body: { pipeline: pipeline.id, commit_branch: 'b', commit_message: 'm', commit_sha: 'abc', source_blob_url: 'https://example.com/x.tgz' } });
    heroku.fake.state.reviewAppMs = 0;
    const table = samples(heroku.fake, (promo.body as { id: string }).id);
    const routes = heroku.fake.routes.filter((r) => r.method === 'GET' && !r.pattern.startsWith('/__'));
    let checked = 0;
    for (const r of routes) {
      const paths = expand(r.pattern, table);
      let ok = 0;
      for (const p of paths) {
        const res = await call(heroku, 'GET', p, { headers: { Accept: checked % 2 === 0 ? ACCEPT_SDK : ACCEPT, Range: 'id ..; max=1000' } });
        if (res.status === 200 || res.status === 206) ok++;
        checked++;
      }
      assert.ok(ok > 0, `no 200 for ${r.pattern} (tried ${paths.join(', ') || 'nothing'})`);
    }
    assert.ok(checked > 150, `only ${checked} responses checked`);
  });

  it('catches a drifted body: an app without `stack`, a release with a string version, a bad uuid, an extra field', async () => {
    const v = schema();
    const app = (await call(heroku, 'GET', '/apps/acme-api')).body as Record<string, unknown>;
    assert.equal(v.validateResponse('GET', '/apps/acme-api', app).ok, true);
    const { stack: _s, ...noStack } = app;
    const r1 = v.validateResponse('GET', '/apps/acme-api', noStack);
    assert.equal(r1.ok, false);
    assert.match(r1.errors.join('\n'), /required property 'stack'/);
    assert.equal(v.validateResponse('GET', '/apps/acme-api', { ...app, id: 'not-a-uuid' }).ok, false);
    assert.equal(v.validateResponse('GET', '/apps/acme-api', { ...app, surprise: 1 }).ok, false);
    const rel = (await call(heroku, 'GET', '/apps/acme-api/releases/8')).body as Record<string, unknown>;
    assert.equal(v.validateResponse('GET', '/apps/acme-api/releases/8', { ...rel, version: '8' }).ok, false);
    assert.equal(v.validateResponse('GET', '/apps/acme-api/releases/8', { ...rel, status: 'done' }).ok, false);
  });

  it('the version=3 schema finds every property it documents in the same bodies', async () => {
    const v3 = new SchemaValidator('3', { allowNewerProperties: true });
    for (const p of ['/account', '/apps', '/apps/acme-ledger', '/spaces/acme-vault', '/apps/acme-api/formation', '/apps/acme-api/dynos', '/apps/acme-web-production/releases', '/apps/acme-web-production/config-vars', '/apps/acme-web-production/addons', '/apps/acme-web-production/addon-attachments', '/apps/acme-web-production/domains', '/pipelines/acme-web/pipeline-couplings', '/teams/acme/apps',
      '/pipelines/acme-web/review-apps', '/pipelines/acme-web/test-runs', '/pipelines/acme-web/latest-builds', '/pipelines/acme-web/latest-deployments',
      '/apps/acme-web-dev/builds', `/test-runs/${heroku.fake.state.testRuns.values().next().value!.id}/test-nodes`]) {
      const r = await call(heroku, 'GET', p, { headers: { Accept: ACCEPT }, validate: false });
      const res = v3.validateResponse('GET', p, r.body);
      assert.ok(res.ok, `${p}: ${res.errors.join('\n')}`);
    }
    const sdk = (await call(heroku, 'GET', '/apps/acme-ledger', { headers: { Accept: ACCEPT_SDK } })).body as { generation: unknown };
    const plain = (await call(heroku, 'GET', '/apps/acme-ledger', { headers: { Accept: ACCEPT }, validate: false })).body as { generation: unknown };
    assert.equal(sdk.generation, 'cedar');
    assert.deepEqual((plain.generation as { name: string }).name, 'cedar');
  });
});
