import assert from 'node:assert/strict';
import { startFakeHeroku, type FakeHeroku } from '../../../support/fake-heroku';
import { ACCEPT, call } from './client';

describe('fake Heroku: faults', () => {
  let fake: FakeHeroku;
  before(async () => { fake = await startFakeHeroku(); });
  after(async () => { await fake.close(); });
  beforeEach(() => fake.reset());

  it('delays a matching request by delayMs', async () => {
    fake.faults.add({ method: 'GET', path: '/account', delayMs: 150, times: 1 });
    const t0 = Date.now();
    assert.equal((await call(fake, 'GET', '/account')).status, 200);
    assert.ok(Date.now() - t0 >= 140, `took ${Date.now() - t0} ms`);
    const t1 = Date.now();
    await call(fake, 'GET', '/account');
    assert.ok(Date.now() - t1 < 140, 'the fault was used up after times: 1');
  });

  it('answers 5xx with an error body for `times` requests, then recovers', async () => {
    fake.faults.add({ path: '/apps', status: 503, times: 2 });
    const a = await call(fake, 'GET', '/apps');
    assert.equal(a.status, 503);
    assert.equal((a.body as { id: string }).id, 'service_unavailable');
    assert.equal((await call(fake, 'GET', '/apps')).status, 503);
    assert.equal((await call(fake, 'GET', '/apps')).status, 200);
    assert.deepEqual(fake.faults.active(), []);
  });

  it('answers 429 rate_limit with Retry-After', async () => {
    fake.faults.add({ path: '/apps/*', retryAfter: 7, times: 1 });
    const r = await call(fake, 'GET', '/apps/acme-api');
    assert.equal(r.status, 429);
    assert.equal(r.headers.get('retry-after'), '7');
    assert.equal((r.body as { id: string }).id, 'rate_limit');
  });

  it('drops the connection without an answer', async () => {
    fake.faults.add({ path: '/account', drop: true, times: 1 });
    await assert.rejects(fetch(`${fake.url}/account`, { headers: { Authorization: `Bearer ${fake.apiKey}`, Accept: ACCEPT } }));
    assert.equal(fake.requests.at(-1)?.status, 0);
    assert.equal((await call(fake, 'GET', '/account')).status, 200);
  });

  it('sends truncated or garbage JSON with status 200', async () => {
    fake.faults.add({ path: '/apps', malformed: 'truncated', times: 1 });
    fake.faults.add({ path: '/account', malformed: 'garbage', times: 1 });
    const t = await call(fake, 'GET', '/apps', { validate: false }).catch((e: Error) => e);
    assert.ok(t instanceof SyntaxError, 'truncated JSON must not parse');
    const g = await call(fake, 'GET', '/account', { validate: false }).catch((e: Error) => e);
    assert.ok(g instanceof SyntaxError, 'garbage must not parse');
  });

  it('matches method, globs and regexes; unmatched requests are untouched', async () => {
    fake.faults.add({ method: 'PATCH', path: '/apps/**', status: 500 });
    fake.faults.add({ path: '/^\\/apps\\/dana-[a-z]+\\/domains$/', status: 502 });
    assert.equal((await call(fake, 'GET', '/apps/dana-blog')).status, 200);
    assert.equal((await call(fake, 'PATCH', '/apps/dana-blog', { body: { maintenance: false } })).status, 500);
    assert.equal((await call(fake, 'PATCH', '/apps/dana-blog/config-vars', { body: {} })).status, 500);
    assert.equal((await call(fake, 'GET', '/apps/dana-blog/domains')).status, 502);
    assert.equal((await call(fake, 'GET', '/apps/acme-api/domains')).status, 200);
  });

  it('sends a replacement JSON body with the route\'s status; the route still runs', async () => {
    fake.faults.add({ method: 'GET', path: '/apps/*/dynos', body: [{ name: 7 }, null], times: 1 });
    fake.faults.add({ method: 'PATCH', path: '/apps/dana-blog', body: { maintenance: 'sort of' }, times: 1 });
    const dynos = await call(fake, 'GET', '/apps/acme-api/dynos', { validate: false });
    assert.deepEqual([dynos.status, dynos.body], [200, [{ name: 7 }, null]]);
    const patched = await call(fake, 'PATCH', '/apps/dana-blog', { body: { maintenance: false }, validate: false });
    assert.deepEqual([patched.status, patched.body], [200, { maintenance: 'sort of' }]);
    const app = [...fake.state.apps.values()].find((a) => a.name === 'dana-blog');
    assert.equal(app?.maintenance, false, 'the PATCH itself happened');
    assert.equal((await call(fake, 'GET', '/apps/acme-api/dynos')).status, 200, 'used up after times: 1');
  });

  it('rejects an invalid fault spec', () => {
    assert.throws(() => fake.faults.add({ path: '/x', body: [], status: 500 }), /body cannot be combined/);
    assert.throws(() => fake.faults.add({ path: '' }), /path is required/);
    assert.throws(() => fake.faults.add({ path: '/x', status: 200 }), /status must be 400-599/);
    assert.throws(() => fake.faults.add({ path: '/x', delayMs: -1 }), /delayMs/);
  });

  it('is driven over HTTP: POST, GET and DELETE /__fake/faults', async () => {
    const added = await call(fake, 'POST', '/__fake/faults', { body: [{ path: '/account', status: 500 }] });
    assert.equal(added.status, 201);
    assert.equal((await call(fake, 'GET', '/account')).status, 500);
    const listed = await call(fake, 'GET', '/__fake/faults');
    assert.equal((listed.body as unknown[]).length, 1);
    const bad = await call(fake, 'POST', '/__fake/faults', { body: { status: 500 } });
    assert.equal(bad.status, 422);
    assert.equal((await call(fake, 'DELETE', '/__fake/faults')).status, 200);
    assert.equal((await call(fake, 'GET', '/account')).status, 200);
  });
});
