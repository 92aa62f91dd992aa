import assert from 'node:assert/strict';
import { useFakeHeroku } from '../../../support/use-fake-heroku';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HerokuSessionCore } from '../../../../src/infra/heroku/auth/session';
import { resolveToken, SECRET_KEY, type SecretStore } from '../../../../src/infra/heroku/auth/token-sources';
import { HerokuClient } from '../../../../src/infra/heroku/client';
import { seen } from '../../../support/heroku-client';

class MemorySecrets implements SecretStore {
  readonly map = new Map<string, string>();
  get(k: string): Promise<string | undefined> { return Promise.resolve(this.map.get(k)); }
  store(k: string, v: string): Promise<void> { this.map.set(k, v); return Promise.resolve(); }
  delete(k: string): Promise<void> { this.map.delete(k); return Promise.resolve(); }
}

describe('token sources and the session', () => {
  const heroku = useFakeHeroku();
  let home: string;
  beforeEach(async () => { home = await mkdtemp(join(tmpdir(), 'hw-auth-')); });
  afterEach(async () => { await rm(home, { recursive: true, force: true }); });

  it('resolves the API URL as the Heroku CLI does and warns once about a bad HEROKU_HEADERS', async () => {
    const warnings: string[] = [];
    const s = new HerokuSessionCore({
      env: { HEROKU_HEADERS: 'not json', HEROKU_API_KEY: heroku.fake.apiKey }, secrets: new MemorySecrets(), home,
      apiUrlSetting: () => heroku.fake.url, createClient: (o) => new HerokuClient(o), warn: (m) => warnings.push(m),
    });
    assert.equal((await s.refresh()).apiUrl, heroku.fake.url, 'the setting, as HEROKU_API_URL is unset');
    const client = await s.getClient();
    assert.ok(client && (await client.account()).ok);
    await s.refresh();
    assert.deepEqual(warnings, ['HEROKU_HEADERS is not valid JSON; ignored.']);
  });

  it('takes HEROKU_API_KEY first, then secret storage, then ~/.netrc, then ~/_netrc', async () => {
    const secrets = new MemorySecrets();
    await writeFile(join(home, '_netrc'), 'machine api.heroku.com password from-underscore');
    const deps = { env: {} as Record<string, string | undefined>, secrets, home };
    assert.deepEqual(await resolveToken(deps, 'api.heroku.com'), { token: 'from-underscore', source: 'netrc', detail: join(home, '_netrc') });
    await writeFile(join(home, '.netrc'), 'machine api.heroku.com\n login a@b.c\n password from-netrc\n');
    assert.equal((await resolveToken(deps, 'api.heroku.com'))?.token, 'from-netrc');
    await secrets.store(SECRET_KEY, 'from-secret');
    assert.equal((await resolveToken(deps, 'api.heroku.com'))?.source, 'secret');
    deps.env.HEROKU_API_KEY = ' from-env ';
    assert.deepEqual(await resolveToken(deps, 'api.heroku.com'), { token: 'from-env', source: 'env', detail: 'HEROKU_API_KEY' });
  });

  it('prefers the netrc machine of the API URL host, falls back to api.heroku.com, ignores default', async () => {
    const secrets = new MemorySecrets();
    await writeFile(join(home, '.netrc'), 'default password never-this\nmachine api.heroku.com password heroku-tok\nmachine 127.0.0.1 password local-tok');
    const deps = { env: {}, secrets, home };
    assert.equal((await resolveToken(deps, '127.0.0.1'))?.token, 'local-tok');
    assert.equal((await resolveToken(deps, 'api.example.com'))?.token, 'heroku-tok');
    await writeFile(join(home, '.netrc'), 'default password never-this');
    assert.equal(await resolveToken(deps, 'api.heroku.com'), undefined);
  });

  it('a broken keyring does not hide the netrc token', async () => {
    await writeFile(join(home, '.netrc'), 'machine api.heroku.com password n-tok');
    const broken: SecretStore = { get: () => Promise.reject(new Error('no keyring')), store: () => Promise.resolve(), delete: () => Promise.resolve() };
    assert.equal((await resolveToken({ env: {}, secrets: broken, home }, 'api.heroku.com'))?.token, 'n-tok');
  });

  function session(secrets: SecretStore, env: Record<string, string | undefined> = {}, seenTokens: string[] = []): HerokuSessionCore {
    return new HerokuSessionCore({
      env: { HEROKU_API_URL: heroku.fake.url, ...env }, secrets, home,
      apiUrlSetting: () => undefined,
      createClient: (o) => new HerokuClient(o),
      onToken: (t) => seenTokens.push(t),
    });
  }

  it('signs in: checks the key with GET /account, stores it, and the client uses it', async () => {
    const secrets = new MemorySecrets();
    const tokens: string[] = [];
    const s = session(secrets, {}, tokens);
    let changes = 0;
    s.onDidChange(() => changes++);
    assert.equal((await s.refresh()).signedIn, false);
    const out = await s.signIn(`  ${heroku.fake.apiKey}\n`);
    assert.ok(out.ok);
    assert.equal(out.account.email, heroku.fake.state.account.email);
    assert.equal(secrets.map.get(SECRET_KEY), heroku.fake.apiKey);
    assert.deepEqual(s.state, { signedIn: true, source: 'secret', detail: 'VS Code secret storage', apiUrl: heroku.fake.url });
    assert.ok(tokens.includes(heroku.fake.apiKey), 'the token was handed to the redactor');
    assert.equal(seen(heroku.fake, 'GET', '/account').length, 1);
    const client = await s.getClient();
    assert.ok(client);
    assert.ok((await client.apps()).ok);
    assert.ok(changes >= 2);
  });

  it('a wrong key gives the clear 401 message and stores nothing', async () => {
    const secrets = new MemorySecrets();
    let unauthorized = 0;
    const s = new HerokuSessionCore({
      env: { HEROKU_API_URL: heroku.fake.url }, secrets, home,
      apiUrlSetting: () => undefined,
      createClient: (o) => new HerokuClient(o),
      clientOptions: { onUnauthorized: () => unauthorized++ },
    });
    const out = await s.signIn('HRKU-not-the-right-key');
    assert.ok(!out.ok);
    assert.match(out.message, /^Heroku rejected this API key \(401\)/);
    assert.ok(!out.message.includes('HRKU-not-the-right-key'));
    assert.equal(secrets.map.size, 0);
    assert.equal((await s.refresh()).signedIn, false);
    assert.equal(unauthorized, 0, 'the sign-in probe\'s 401 is not reported as a revoked session');
    const blank = await s.signIn('   ');
    assert.ok(!blank.ok && /nothing was stored/.test(blank.message));
  });

  it('signs out of secret storage; an env or netrc token stays and is reported', async () => {
    const secrets = new MemorySecrets();
    await secrets.store(SECRET_KEY, heroku.fake.apiKey);
    const s = session(secrets);
    assert.equal((await s.refresh()).source, 'secret');
    assert.deepEqual(await s.signOut(), { removed: true });
    assert.equal(s.state.signedIn, false);
    assert.equal(s.current, undefined);
    await writeFile(join(home, '.netrc'), `machine api.heroku.com password ${heroku.fake.apiKey}`);
    const out = await s.signOut();
    assert.equal(out.removed, false);
    assert.equal(out.stillSignedInFrom, 'netrc');
    const envSession = session(new MemorySecrets(), { HEROKU_API_KEY: heroku.fake.apiKey });
    assert.equal((await envSession.signOut()).stillSignedInFrom, 'env');
  });
});
