import assert from 'node:assert/strict';
import { useFakeHeroku } from '../../../support/use-fake-heroku';
import { seen } from '../../../support/heroku-client';
import { waitUntil } from '../../../support/wait';

describe('HerokuClient: retries, timeouts, cancellation', () => {
  const heroku = useFakeHeroku();

  it('waits out a 429 with backoff that honours Retry-After, then succeeds', async () => {
    heroku.fake.faults.add({ method: 'GET', path: '/account', retryAfter: 2, times: 2 });
    const { client, sleeps } = heroku.client();
    const r = await client.account();
    assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
    assert.equal(seen(heroku.fake, 'GET', '/account').length, 3);
    assert.equal(sleeps.length, 2);
    assert.ok(sleeps.every((ms) => ms >= 2000), `slept ${sleeps.join(', ')} ms`);
  });

  it('backs off exponentially with jitter on 5xx for GET', async () => {
    heroku.fake.faults.add({ method: 'GET', path: '/apps', status: 503, times: 3 });
    const { client, sleeps } = heroku.client({ retry: { baseDelayMs: 100, maxDelayMs: 10_000 } });
    const r = await client.apps();
    assert.ok(r.ok);
    // random() = 0.5 → 3/4 of 100·2^n
    assert.deepEqual(sleeps, [75, 150, 300]);
  });

  it('gives up after the retry budget with the last error, counting attempts', async () => {
    heroku.fake.faults.add({ method: 'GET', path: '/apps', status: 502 });
    const { client } = heroku.client({ retry: { retries: 2 } });
    const r = await client.apps();
    assert.ok(!r.ok);
    assert.equal(r.error.status, 502);
    assert.equal(r.error.id, 'bad_gateway');
    assert.equal(seen(heroku.fake, 'GET', '/apps').length, 3);
  });

  it('does not retry a 5xx on POST or PATCH', async () => {
    heroku.fake.faults.add({ method: 'POST', path: '/apps/*/releases', status: 503 });
    heroku.fake.faults.add({ method: 'PATCH', path: '/apps/*/config-vars', status: 500 });
    const { client, sleeps } = heroku.client();
    const rb = await client.rollback('dana-blog', '00000000-0000-0000-0000-000000000000');
    assert.ok(!rb.ok && rb.error.status === 503);
    const cv = await client.updateConfigVars('dana-blog', { FOO: 'bar' });
    assert.ok(!cv.ok && cv.error.status === 500);
    assert.equal(seen(heroku.fake, 'POST', '/apps/dana-blog/releases').length, 1);
    assert.equal(seen(heroku.fake, 'PATCH', '/apps/dana-blog/config-vars').length, 1);
    assert.deepEqual(sleeps, []);
  });

  it('does not wait for a Retry-After longer than the cap', async () => {
    heroku.fake.faults.add({ method: 'GET', path: '/account', retryAfter: 3600 });
    const { client, sleeps } = heroku.client();
    const r = await client.account();
    assert.ok(!r.ok);
    assert.equal(r.error.id, 'rate_limit');
    assert.deepEqual(sleeps, []);
  });

  it('retries a dropped connection on GET, reports it on POST', async () => {
    heroku.fake.faults.add({ method: 'GET', path: '/account', drop: true, times: 1 });
    const { client } = heroku.client();
    const ok = await client.account();
    assert.ok(ok.ok);
    heroku.fake.faults.add({ method: 'POST', path: '/apps/*/log-sessions', drop: true, times: 1 });
    const r = await client.createLogSession('dana-blog', { tail: false });
    assert.ok(!r.ok);
    assert.equal(r.error.id, 'network');
    assert.equal(r.error.status, 0);
    assert.match(r.error.message, /dropped|connect|Network/i);
  });

  it('times out a slow answer with a clear error, without waiting for it or trying again', async () => {
    heroku.fake.faults.add({ method: 'GET', path: '/account', delayMs: 2000 });
    const { client, sleeps } = heroku.client({ timeoutMs: 100 });
    const r = await client.account();
    assert.ok(!r.ok);
    assert.equal(r.error.id, 'timeout');
    assert.match(r.error.message, /did not answer within 100 ms/);
    // The fake is still holding its answer back (no status recorded yet): the client did not wait for it.
    assert.deepEqual(seen(heroku.fake, 'GET', '/account').map((q) => q.status), [0]);
    assert.deepEqual(sleeps, [], 'a timeout is not retried');
  });

  it('stops at once when the AbortSignal fires, with no retry', async () => {
    heroku.fake.faults.add({ method: 'GET', path: '/apps', delayMs: 2000 });
    const { client } = heroku.client();
    const ac = new AbortController();
    const pending = client.apps({ signal: ac.signal });
    await waitUntil('the request reached the fake', () => seen(heroku.fake, 'GET', '/apps').length === 1);
    ac.abort();
    const r = await pending;
    assert.ok(!r.ok);
    assert.equal(r.error.id, 'cancelled');
    assert.equal(seen(heroku.fake, 'GET', '/apps').length, 1);
    const pre = new AbortController();
    pre.abort();
    const r2 = await client.account({ signal: pre.signal });
    assert.ok(!r2.ok && r2.error.id === 'cancelled');
    assert.equal(seen(heroku.fake, 'GET', '/account').length, 0, 'an aborted signal sends nothing');
  });

  it('tracks RateLimit-Remaining and tells listeners', async () => {
    heroku.fake.state.rateLimitRemaining = 42;
    const { client } = heroku.client();
    const heard: number[] = [];
    const sub = client.onRateLimit((n) => heard.push(n));
    await client.account();
    await client.apps();
    sub.dispose();
    await client.account();
    assert.equal(client.rateLimitRemaining, 39);
    assert.deepEqual(heard, [41, 40]);
  });
});
