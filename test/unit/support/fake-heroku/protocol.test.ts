import assert from 'node:assert/strict';
import { useFakeHeroku } from '../../../support/use-fake-heroku';
import { ACCEPT_SDK, call } from './client';

describe('fake Heroku: protocol', () => {
  const heroku = useFakeHeroku({ apiKey: 'test-key-123' });

  it('listens on 127.0.0.1 with an ephemeral port and the given key', () => {
    assert.match(heroku.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.notEqual(heroku.url, 'http://127.0.0.1:0');
    assert.equal(heroku.apiKey, 'test-key-123');
  });

  it('answers GET /account with the seed account (schema-valid)', async () => {
    const r = await call(heroku, 'GET', '/account');
    assert.equal(r.status, 200);
    assert.equal((r.body as { email: string }).email, 'dana@example.com');
  });

  it('rejects a missing or wrong token with 401 unauthorized', async () => {
    const none = await call(heroku, 'GET', '/account', { auth: false });
    assert.equal(none.status, 401);
    assert.equal((none.body as { id: string }).id, 'unauthorized');
    const wrong = await call(heroku, 'GET', '/account', { headers: { Authorization: 'Bearer nope' } });
    assert.equal(wrong.status, 401);
    assert.ok(!wrong.text.includes('test-key-123'));
  });

  it('accepts Basic auth with the key as password (netrc style)', async () => {
    const basic = Buffer.from('dana@example.com:test-key-123').toString('base64');
    const ok = await call(heroku, 'GET', '/account', { headers: { Authorization: `Basic ${basic}` } });
    assert.equal(ok.status, 200);
    const badPw = Buffer.from('dana@example.com:other').toString('base64');
    assert.equal((await call(heroku, 'GET', '/account', { headers: { Authorization: `Basic ${badPw}` } })).status, 401);
  });

  it('requires the versioned Accept header: none → 400, another version → 406, 3.sdk → 200', async () => {
    const none = await call(heroku, 'GET', '/apps', { headers: { Accept: 'application/json' } });
    assert.equal(none.status, 400);
    assert.equal((none.body as { id: string }).id, 'bad_request');
    const v2 = await call(heroku, 'GET', '/apps', { headers: { Accept: 'application/vnd.heroku+json; version=2' } });
    assert.equal(v2.status, 406);
    assert.equal((v2.body as { id: string }).id, 'not_acceptable');
    assert.equal((await call(heroku, 'GET', '/apps', { headers: { Accept: ACCEPT_SDK } })).status, 200);
  });

  it('sends RateLimit-Remaining, decreasing per request, and 429 rate_limit at zero', async () => {
    const a = Number((await call(heroku, 'GET', '/account')).headers.get('ratelimit-remaining'));
    const b = Number((await call(heroku, 'GET', '/account')).headers.get('ratelimit-remaining'));
    assert.equal(a, 4499);
    assert.equal(b, a - 1);
    heroku.fake.state.rateLimitRemaining = 1;
    assert.equal((await call(heroku, 'GET', '/account')).status, 200);
    const limited = await call(heroku, 'GET', '/account');
    assert.equal(limited.status, 429);
    assert.equal((limited.body as { id: string }).id, 'rate_limit');
    assert.equal(limited.headers.get('retry-after'), '60');
    assert.equal(limited.headers.get('ratelimit-remaining'), '0');
  });

  it('gives 404 not_found for unknown apps and endpoints, 405 for a wrong verb', async () => {
    const app = await call(heroku, 'GET', '/apps/no-such-app');
    assert.equal(app.status, 404);
    assert.equal((app.body as { id: string }).id, 'not_found');
    assert.equal((await call(heroku, 'GET', '/nowhere')).status, 404);
    assert.equal((await call(heroku, 'PUT', '/apps')).status, 405);
  });

  it('finds an app by name and by id', async () => {
    const byName = await call(heroku, 'GET', '/apps/acme-api');
    const id = (byName.body as { id: string }).id;
    const byId = await call(heroku, 'GET', `/apps/${id}`);
    assert.equal((byId.body as { name: string }).name, 'acme-api');
  });

  it('sends an ETag and answers If-None-Match with an empty 304; the ETag changes with the resource', async () => {
    const first = await call(heroku, 'GET', '/apps/dana-blog');
    const etag = first.headers.get('etag');
    assert.match(etag ?? '', /^"[0-9a-f]{40}"$/);
    const again = await call(heroku, 'GET', '/apps/dana-blog', { headers: { 'If-None-Match': etag ?? '' } });
    assert.equal(again.status, 304);
    assert.equal(again.text, '');
    await call(heroku, 'PATCH', '/apps/dana-blog', { body: { maintenance: false } });
    const changed = await call(heroku, 'GET', '/apps/dana-blog', { headers: { 'If-None-Match': etag ?? '' } });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.get('etag'), etag);
  });

  it('records method, path, status and request headers', async () => {
    await call(heroku, 'GET', '/apps', { headers: { Range: 'name ..; max=2' } });
    const rec = heroku.fake.requests.at(-1);
    assert.equal(rec?.method, 'GET');
    assert.equal(rec?.path, '/apps');
    assert.equal(rec?.status, 206);
    assert.equal(rec?.headers.range, 'name ..; max=2');
  });

  it('answers a malformed JSON request body with 400 bad_request', async () => {
    const res = await fetch(`${heroku.url}/apps/dana-blog`, {
      method: 'PATCH', body: '{"maintenance": tru',
      headers: { Authorization: `Bearer ${heroku.apiKey}`, Accept: ACCEPT_SDK, 'Content-Type': 'application/json' },
    });
    assert.equal(res.status, 400);
    assert.equal(((await res.json()) as { id: string }).id, 'bad_request');
  });
});
