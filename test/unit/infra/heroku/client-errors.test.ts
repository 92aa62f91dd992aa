import assert from 'node:assert/strict';
import axios from 'axios';
import { describeHerokuError } from '../../../../src/core/heroku/result';
import { startFakeHeroku, type FakeHeroku } from '../../../support/fake-heroku';
import { assertNoToken, clientFor, seen } from './helpers';

describe('HerokuClient: errors as values, two-factor, token safety', () => {
  let fake: FakeHeroku;
  before(async () => { fake = await startFakeHeroku(); });
  after(async () => { await fake.close(); });
  beforeEach(() => fake.reset());

  it('returns Heroku\'s id and message for a 404, and no throw', async () => {
    const { client } = clientFor(fake);
    const r = await client.app('no-such-app');
    assert.ok(!r.ok);
    assert.equal(r.error.status, 404);
    assert.equal(r.error.id, 'not_found');
    assert.ok(r.error.message.length > 0);
    assert.equal(r.error.path, '/apps/no-such-app');
    assert.match(describeHerokuError(r.error), /404 not_found/);
  });

  it('turns a truncated or non-JSON 200 into malformed_response', async () => {
    const { client } = clientFor(fake);
    for (const how of ['truncated', 'garbage'] as const) {
      fake.faults.add({ method: 'GET', path: '/account', malformed: how, times: 1 });
      const r = await client.account({ cache: false });
      assert.ok(!r.ok, how);
      assert.equal(r.error.id, 'malformed_response');
      assert.match(r.error.message, /not valid JSON \(GET \/account, 200\)/);
    }
  });

  it('rejects a list endpoint answering an object (wrong shape) as malformed', async () => {
    const { client } = clientFor(fake);
    const r = await client.many('GET', '/account');
    assert.ok(!r.ok);
    assert.equal(r.error.id, 'malformed_response');
    assert.match(r.error.message, /expected a list/);
  });

  it('asks for the two-factor code on 403 two_factor and retries once with Heroku-Two-Factor-Code', async () => {
    const asked: string[] = [];
    const { client } = clientFor(fake, {
      twoFactor: (req) => {
        asked.push(`${req.method} ${req.path}`);
        return Promise.resolve(fake.state.account.twoFactorCode);
      },
    });
    const r = await client.updateFormationType('acme-web-production', 'web', { quantity: 3 });
    assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
    assert.equal(r.value.quantity, 3);
    assert.deepEqual(asked, ['PATCH /apps/acme-web-production/formation/web']);
    const reqs = seen(fake, 'PATCH', '/apps/acme-web-production/formation/web');
    assert.deepEqual(reqs.map((x) => x.status), [403, 200]);
    assert.equal(reqs[1].headers['heroku-two-factor-code'], fake.state.account.twoFactorCode);
  });

  it('returns two_factor_cancelled when no code is given, and the error when the code is wrong', async () => {
    const none = clientFor(fake, { twoFactor: () => Promise.resolve(undefined) }).client;
    const r1 = await none.restartAll('acme-web-production');
    assert.ok(!r1.ok && r1.error.id === 'two_factor_cancelled');
    const wrong = clientFor(fake, { twoFactor: () => Promise.resolve('000000') }).client;
    const r2 = await wrong.restartAll('acme-web-production');
    assert.ok(!r2.ok);
    assert.equal(r2.error.id, 'two_factor');
    assert.equal(seen(fake, 'DELETE', '/apps/acme-web-production/dynos').length, 3, 'one try + one retry, no loop');
  });

  it('reports a 401 through onUnauthorized (once per 401 answer)', async () => {
    let calls = 0;
    const bad = clientFor(fake, { getToken: () => 'HRKU-revoked-token', onUnauthorized: () => calls++ }).client;
    const r = await bad.apps();
    assert.ok(!r.ok && r.error.id === 'unauthorized');
    assert.equal(calls, 1);
    const good = clientFor(fake, { onUnauthorized: () => calls++ }).client;
    assert.ok((await good.apps()).ok);
    assert.equal(calls, 1);
  });

  it('says "not signed in" without any request when there is no token', async () => {
    const { client } = clientFor(fake, { getToken: () => undefined });
    const r = await client.account();
    assert.ok(!r.ok && r.error.id === 'no_token');
    assert.equal(fake.requests.length, 0);
  });

  it('sends Accept version=3 (3.sdk for dynos/add-ons/releases/log-sessions), Bearer auth and HEROKU_HEADERS extras', async () => {
    const { client } = clientFor(fake, { extraHeaders: { 'X-Heroku-Test': 'yes' } });
    await client.account();
    await client.dynos('dana-blog');
    const acc = seen(fake, 'GET', '/account')[0];
    assert.equal(acc.headers.accept, 'application/vnd.heroku+json; version=3');
    assert.equal(acc.headers.authorization, `Bearer ${fake.apiKey}`);
    assert.equal(acc.headers['x-heroku-test'], 'yes');
    assert.equal(seen(fake, 'GET', '/apps/dana-blog/dynos')[0].headers.accept, 'application/vnd.heroku+json; version=3.sdk');
  });

  it('never lets the token into an error, result or trace line: 401, network, timeout, malformed', async () => {
    const token = fake.apiKey;
    const wrongToken = `${token}-wrong`;
    const outcomes: unknown[] = [];
    const bad = clientFor(fake, { getToken: () => wrongToken });
    outcomes.push(await bad.client.account());
    const { client, trace } = clientFor(fake, { timeoutMs: 80 });
    fake.faults.add({ method: 'GET', path: '/account', drop: true, times: 4 });
    outcomes.push(await client.account());
    fake.faults.clear();
    fake.faults.add({ method: 'GET', path: '/apps', delayMs: 300, times: 1 });
    outcomes.push(await client.apps());
    fake.faults.add({ method: 'GET', path: '/teams', malformed: 'garbage', times: 1 });
    outcomes.push(await client.teams());
    const refused = clientFor(fake, { baseUrl: 'http://127.0.0.1:1' }).client;
    outcomes.push(await refused.account());
    assert.deepEqual(outcomes.map((o) => (o as { ok: boolean }).ok), [false, false, false, false, false]);
    assert.equal((outcomes[0] as { error: { status: number } }).error.status, 401);
    for (const o of outcomes) {
      assertNoToken(o, token);
      assertNoToken(o, wrongToken);
    }
    assertNoToken(trace, token);
  });

  it('the leak check itself catches a raw axios error (whose config holds the Authorization header)', async () => {
    let raw: unknown;
    try {
      await axios.get(`http://127.0.0.1:1/account`, { headers: { Authorization: `Bearer ${fake.apiKey}` }, proxy: false });
    } catch (e) {
      raw = { message: (e as Error).message, config: (e as { config?: unknown }).config };
    }
    assert.throws(() => assertNoToken(raw, fake.apiKey), /leaked/);
  });
});
