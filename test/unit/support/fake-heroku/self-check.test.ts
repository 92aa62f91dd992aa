import assert from 'node:assert/strict';
import { startFakeHeroku, type FakeHeroku } from '../../../support/fake-heroku';
import { useFakeHeroku } from '../../../support/use-fake-heroku';
import { takeProcessViolations } from '../../../support/fake-heroku/schema/self-check';
import { FakeControl } from '../../../support/fake-control';
import { ACCEPT, ACCEPT_SDK } from './client';

const get = (fake: FakeHeroku, path: string, accept = ACCEPT) =>
  fetch(fake.url + path, { headers: { Accept: accept, Authorization: `Bearer ${fake.apiKey}` } });

describe('fake Heroku: schema self-check of its own answers', () => {
  const heroku = useFakeHeroku();
  // These tests break the fake on purpose: what they record must not fail the run (mocha-hooks.ts).
  afterEach(async () => {
    takeProcessViolations();
    await heroku.control.clearViolations();
  });

  it('records nothing while the answers match the schema, in both variants', async () => {
    for (const path of ['/account', '/apps', '/apps/acme-api/formation', '/apps/acme-api/dynos']) {
      assert.equal((await get(heroku.fake, path)).status, 200);
      assert.equal((await get(heroku.fake, path, ACCEPT_SDK)).status, 200);
    }
    assert.deepEqual(heroku.fake.violations, []);
    assert.deepEqual(await heroku.control.violations(), { validating: true, count: 0, violations: [] });
  });

  it('records an answer that drifted from the schema, with the link and what did not match', async () => {
    const app = [...heroku.fake.state.apps.values()].find((a) => a.name === 'dana-blog');
    assert.ok(app);
    (app as unknown as { maintenance: unknown }).maintenance = 'yes';
    assert.equal((await get(heroku.fake, '/apps/dana-blog', ACCEPT_SDK)).status, 200, 'the client still gets its answer');
    assert.equal(heroku.fake.violations.length, 1);
    const [v] = heroku.fake.violations;
    assert.deepEqual([v.method, v.path, v.variant], ['GET', '/apps/dana-blog', '3.sdk']);
    assert.match(v.link ?? '', /^GET \/apps\/\{[^/]+\}$/, 'the app-info link');
    assert.match(v.errors.join('\n'), /maintenance must be boolean/);
    const over = await heroku.control.violations();
    assert.equal(over.count, 1);
    assert.equal(over.violations[0].path, '/apps/dana-blog');
    heroku.fake.reset();
    assert.equal(heroku.fake.violations.length, 1, 'kept across reset: they are about the fake, not its state');
    await heroku.control.clearViolations();
    assert.equal(heroku.fake.violations.length, 0);
  });

  it('does not check a 304, nor the replacement body of a `body` fault', async () => {
    heroku.fake.faults.add({ path: '/apps/acme-api', body: { name: 42 }, times: 1 });
    const r = await get(heroku.fake, '/apps/acme-api');
    assert.deepEqual(await r.json(), { name: 42 });
    const etag = (await get(heroku.fake, '/account')).headers.get('etag') ?? '';
    const notModified = await fetch(heroku.url + '/account', { headers: { Accept: ACCEPT, Authorization: `Bearer ${heroku.apiKey}`, 'If-None-Match': etag } });
    assert.equal(notModified.status, 304);
    assert.deepEqual(heroku.fake.violations, []);
  });

  it('is off with validate: false (and says so on the control route)', async () => {
    const quiet = await startFakeHeroku({ validate: false });
    try {
      const app = [...quiet.state.apps.values()][0];
      (app as unknown as { name: unknown }).name = 7;
      assert.equal((await get(quiet, '/apps')).status, 200);
      assert.deepEqual(quiet.violations, []);
      assert.deepEqual(await new FakeControl(quiet.url, quiet.apiKey).violations(), { validating: false, count: 0, violations: [] });
    } finally {
      await quiet.close();
    }
  });

  it('hands each violation to onViolation as it happens and to the process-wide list', async () => {
    const seen: string[] = [];
    const loud = await startFakeHeroku({ onViolation: (v) => seen.push(`${v.method} ${v.path}`) });
    try {
      takeProcessViolations();
      const dyno = [...loud.state.dynos.values()][0];
      (dyno as unknown as { state: unknown }).state = null;
      await get(loud, '/apps/acme-web-production/dynos');
      await get(loud, '/apps/acme-api/dynos');
      assert.ok(seen.length >= 1, 'one of the two apps owns the broken dyno');
      assert.deepEqual(takeProcessViolations().map((v) => `${v.method} ${v.path}`), seen);
    } finally {
      await loud.close();
    }
  });
});
