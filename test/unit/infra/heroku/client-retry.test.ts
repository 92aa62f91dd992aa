import assert from 'node:assert/strict';
import type { FakeHeroku } from '../../../support/fake-heroku';
import { useFakeHeroku } from '../../../support/use-fake-heroku';
import { clientFor, seen } from '../../../support/heroku-client';

describe('HerokuClient: retries, timeouts, cancellation', () => {
  const heroku = useFakeHeroku();
  let fake: FakeHeroku;
  beforeEach(() => { fake = heroku.fake; });

  it('waits out a 429 with backoff that honours Retry-After, then succeeds', async () => {
    fake.faults.add({ method: 'GET', path: '/account', retryAfter: 2, times: 2 });
    const { client, sleeps } = clientFor(fake);
    const r = await client.account();
    assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
    assert.equal(seen(fake, 'GET', '/account').length, 3);
    assert.equal(sleeps.length, 2);
    assert.ok(sleeps.every((ms) => ms >= 2000), `slept ${sleeps.join(', ')} ms`);
  });

  it('backs off exponentially with jitter on 5xx for GET', async () => {
    fake.faults.add({ method: 'GET', path: '/apps', status: 503, times: 3 });
    const { client, sleeps } = clientFor(fake, { retry: { baseDelayMs: 100, maxDelayMs: 10_000 } });
    const r = await client.apps();
    assert.ok(r.ok);
    // random() = 0.5 → 3/4 of 100·2^n
    assert.deepEqual(sleeps, [75, 150, 300]);
  });

  it('gives up after the retry budget with the last error, counting attempts', async () => {
    fake.faults.add({ method: 'GET', path: '/apps', status: 502 });
    const { client } = clientFor(fake, { retry: { retries: 2 } });
    const r = await client.apps();
    assert.ok(!r.ok);
    assert.equal(r.error.status, 502);
    assert.equal(r.error.id, 'bad_gateway');
    assert.equal(seen(fake, 'GET', '/apps').length, 3);
  });

  it('does not retry a 5xx on POST or PATCH', async () => {
    fake.faults.add({ method: 'POST', path: '/apps/*/releases', status: 503 });
    fake.faults.add({ method: 'PATCH', path: '/apps/*/config-vars', status: 500 });
    const { client, sleeps } = clientFor(fake);
    const rb = await client.rollback('dana-blog', '00000000-0000-0000-0000-000000000000');
    assert.ok(!rb.ok && rb.error.status === 503);
    const cv = await client.updateConfigVars('dana-blog', { FOO: 'bar' });
    assert.ok(!cv.ok && cv.error.status === 500);
    assert.equal(seen(fake, 'POST', '/apps/dana-blog/releases').length, 1);
    assert.equal(seen(fake, 'PATCH', '/apps/dana-blog/config-vars').length, 1);
    assert.deepEqual(sleeps, []);
  });

  it('does not wait for a Retry-After longer than the cap', async () => {
    fake.faults.add({ method: 'GET', path: '/account', retryAfter: 3600 });
    const { client, sleeps } = clientFor(fake);
    const r = await client.account();
    assert.ok(!r.ok);
    assert.equal(r.error.id, 'rate_limit');
    assert.deepEqual(sleeps, []);
  });

  it('retries a dropped connection on GET, reports it on POST', async () => {
    fake.faults.add({ method: 'GET', path: '/account', drop: true, times: 1 });
    const { client } = clientFor(fake);
    const ok = await client.account();
    assert.ok(ok.ok);
    fake.faults.add({ method: 'POST', path: '/apps/*/log-sessions', drop: true, times: 1 });
    const r = await client.createLogSession('dana-blog', { tail: false });
    assert.ok(!r.ok);
    assert.equal(r.error.id, 'network');
    assert.equal(r.error.status, 0);
    assert.match(r.error.message, /dropped|connect|Network/i);
  });

  it('times out a slow answer with a clear error', async () => {
    fake.faults.add({ method: 'GET', path: '/account', delayMs: 400 });
    const { client } = clientFor(fake, { timeoutMs: 100 });
    const t0 = Date.now();
    const r = await client.account();
    assert.ok(!r.ok);
    assert.equal(r.error.id, 'timeout');
    assert.match(r.error.message, /did not answer within 100 ms/);
    assert.ok(Date.now() - t0 < 380, 'the timeout cut the wait short');
  });

  it('stops at once when the AbortSignal fires, with no retry', async () => {
    fake.faults.add({ method: 'GET', path: '/apps', delayMs: 500 });
    const { client } = clientFor(fake);
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    const r = await client.apps({ signal: ac.signal });
    assert.ok(!r.ok);
    assert.equal(r.error.id, 'cancelled');
    assert.equal(seen(fake, 'GET', '/apps').length, 1);
    const pre = new AbortController();
    pre.abort();
    const r2 = await client.account({ signal: pre.signal });
    assert.ok(!r2.ok && r2.error.id === 'cancelled');
    assert.equal(seen(fake, 'GET', '/account').length, 0, 'an aborted signal sends nothing');
  });

  it('tracks RateLimit-Remaining and tells listeners', async () => {
    fake.state.rateLimitRemaining = 42;
    const { client } = clientFor(fake);
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
