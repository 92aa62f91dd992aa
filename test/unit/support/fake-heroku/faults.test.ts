import assert from 'node:assert/strict';
import { useFakeHeroku } from '../../../support/use-fake-heroku';
import { waitUntil } from '../../../support/wait';
import { ACCEPT, call } from './client';

describe('fake Heroku: faults', () => {
  const heroku = useFakeHeroku();

  it('delays a matching request by delayMs', async () => {
    // Order, not elapsed time: a request sent later but not delayed (the fault is used up) overtakes the delayed one.
    heroku.fake.faults.add({ method: 'GET', path: '/account', delayMs: 1500, times: 1 });
    let delayedDone = false;
    const delayed = call(heroku, 'GET', '/account').finally(() => { delayedDone = true; });
    await waitUntil('the delayed request to take the fault', () => heroku.fake.faults.active().length === 0, { everyMs: 5 });
    assert.equal((await call(heroku, 'GET', '/account')).status, 200);
    assert.equal(delayedDone, false, 'the fault was used up after times: 1, and the first request is still held');
    assert.equal((await delayed).status, 200);
  });

  it('answers 5xx with an error body for `times` requests, then recovers', async () => {
    heroku.fake.faults.add({ path: '/apps', status: 503, times: 2 });
    const a = await call(heroku, 'GET', '/apps');
    assert.equal(a.status, 503);
    assert.equal((a.body as { id: string }).id, 'service_unavailable');
    assert.equal((await call(heroku, 'GET', '/apps')).status, 503);
    assert.equal((await call(heroku, 'GET', '/apps')).status, 200);
    assert.deepEqual(heroku.fake.faults.active(), []);
  });

  it('answers 429 rate_limit with Retry-After', async () => {
    heroku.fake.faults.add({ path: '/apps/*', retryAfter: 7, times: 1 });
    const r = await call(heroku, 'GET', '/apps/acme-api');
    assert.equal(r.status, 429);
    assert.equal(r.headers.get('retry-after'), '7');
    assert.equal((r.body as { id: string }).id, 'rate_limit');
  });

  it('drops the connection without an answer', async () => {
    heroku.fake.faults.add({ path: '/account', drop: true, times: 1 });
    await assert.rejects(fetch(`${heroku.url}/account`, { headers: { Authorization: `Bearer ${heroku.apiKey}`, Accept: ACCEPT } }));
    assert.equal(heroku.fake.requests.at(-1)?.status, 0);
    assert.equal((await call(heroku, 'GET', '/account')).status, 200);
  });

  it('sends truncated or garbage JSON with status 200', async () => {
    heroku.fake.faults.add({ path: '/apps', malformed: 'truncated', times: 1 });
    heroku.fake.faults.add({ path: '/account', malformed: 'garbage', times: 1 });
    const t = await call(heroku, 'GET', '/apps', { validate: false }).catch((e: Error) => e);
    assert.ok(t instanceof SyntaxError, 'truncated JSON must not parse');
    const g = await call(heroku, 'GET', '/account', { validate: false }).catch((e: Error) => e);
    assert.ok(g instanceof SyntaxError, 'garbage must not parse');
  });

  it('matches method, globs and regexes; unmatched requests are untouched', async () => {
    heroku.fake.faults.add({ method: 'PATCH', path: '/apps/**', status: 500 });
    heroku.fake.faults.add({ path: '/^\\/apps\\/dana-[a-z]+\\/domains$/', status: 502 });
    assert.equal((await call(heroku, 'GET', '/apps/dana-blog')).status, 200);
    assert.equal((await call(heroku, 'PATCH', '/apps/dana-blog', { body: { maintenance: false } })).status, 500);
    assert.equal((await call(heroku, 'PATCH', '/apps/dana-blog/config-vars', { body: {} })).status, 500);
    assert.equal((await call(heroku, 'GET', '/apps/dana-blog/domains')).status, 502);
    assert.equal((await call(heroku, 'GET', '/apps/acme-api/domains')).status, 200);
  });

  it('sends a replacement JSON body with the route\'s status; the route still runs', async () => {
    heroku.fake.faults.add({ method: 'GET', path: '/apps/*/dynos', body: [{ name: 7 }, null], times: 1 });
    heroku.fake.faults.add({ method: 'PATCH', path: '/apps/dana-blog', body: { maintenance: 'sort of' }, times: 1 });
    const dynos = await call(heroku, 'GET', '/apps/acme-api/dynos', { validate: false });
    assert.deepEqual([dynos.status, dynos.body], [200, [{ name: 7 }, null]]);
    const patched = await call(heroku, 'PATCH', '/apps/dana-blog', { body: { maintenance: false }, validate: false });
    assert.deepEqual([patched.status, patched.body], [200, { maintenance: 'sort of' }]);
    const app = [...heroku.fake.state.apps.values()].find((a) => a.name === 'dana-blog');
    assert.equal(app?.maintenance, false, 'the PATCH itself happened');
    assert.equal((await call(heroku, 'GET', '/apps/acme-api/dynos')).status, 200, 'used up after times: 1');
  });

  it('rejects an invalid fault spec', () => {
    assert.throws(() => heroku.fake.faults.add({ path: '/x', body: [], status: 500 }), /body cannot be combined/);
    assert.throws(() => heroku.fake.faults.add({ path: '' }), /path is required/);
    assert.throws(() => heroku.fake.faults.add({ path: '/x', status: 200 }), /status must be 400-599/);
    assert.throws(() => heroku.fake.faults.add({ path: '/x', delayMs: -1 }), /delayMs/);
  });

  it('is driven over HTTP: POST, GET and DELETE /__fake/faults', async () => {
    const added = await call(heroku, 'POST', '/__fake/faults', { body: [{ path: '/account', status: 500 }] });
    assert.equal(added.status, 201);
    assert.equal((await call(heroku, 'GET', '/account')).status, 500);
    const listed = await call(heroku, 'GET', '/__fake/faults');
    assert.equal((listed.body as unknown[]).length, 1);
    const bad = await call(heroku, 'POST', '/__fake/faults', { body: { status: 500 } });
    assert.equal(bad.status, 422);
    assert.equal((await call(heroku, 'DELETE', '/__fake/faults')).status, 200);
    assert.equal((await call(heroku, 'GET', '/account')).status, 200);
  });
});
