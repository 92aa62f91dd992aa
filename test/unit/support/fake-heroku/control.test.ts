import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { useFakeHeroku } from '../../../support/use-fake-heroku';
import { waitUntil } from '../../../support/wait';
import { ACCEPT, call } from './client';

describe('fake Heroku: control API', () => {
  const heroku = useFakeHeroku();

  it('needs the Bearer key', async () => {
    assert.equal((await call(heroku, 'GET', '/__fake/state', { auth: false })).status, 401);
  });

  it('dumps the state, and POST /__fake/reset restores the seed', async () => {
    await call(heroku, 'PATCH', '/apps/dana-blog', { body: { maintenance: false } });
    const before = await heroku.control.state();
    assert.equal(before.apps.find((a) => a.name === 'dana-blog')?.maintenance, false);
    assert.equal((await call(heroku, 'POST', '/__fake/reset')).status, 200);
    const after = await heroku.control.state();
    assert.equal(after.apps.find((a) => a.name === 'dana-blog')?.maintenance, true);
    assert.equal(heroku.fake.requests.length, 0, 'reset clears recorded requests');
  });

  it('resets to another seed or app count', async () => {
    await call(heroku, 'POST', '/__fake/reset', { body: { seed: 'empty', apps: 3 } });
    const apps = (await call(heroku, 'GET', '/apps')).body as { name: string }[];
    assert.deepEqual(apps.map((a) => a.name).sort(), ['load-app-0001', 'load-app-0002', 'load-app-0003']);
    assert.equal((await call(heroku, 'POST', '/__fake/reset', { body: { seed: 'nope' } })).status, 422);
  });

  it('sets the rate limit with PATCH /__fake/state', async () => {
    await call(heroku, 'PATCH', '/__fake/state', { body: { rateLimitRemaining: 1, rateLimitRetryAfter: 5 } });
    assert.equal((await call(heroku, 'GET', '/account')).status, 200);
    const r = await call(heroku, 'GET', '/account');
    assert.equal(r.status, 429);
    assert.equal(r.headers.get('retry-after'), '5');
    assert.equal((await call(heroku, 'PATCH', '/__fake/state', { body: { rateLimitRemaining: -1 } })).status, 422);
  });

  it('sets the timing and outcome knobs with PATCH /__fake/state; a bad one changes nothing', async () => {
    const r = await call(heroku, 'PATCH', '/__fake/state', { body: { buildStepMs: 0, promotionFailures: { 'acme-web-production': 'Boom' }, releasePhaseFailures: ['*'], testRunResult: 'failed' } });
    assert.equal(r.status, 200);
    assert.deepEqual([heroku.fake.state.buildStepMs, heroku.fake.state.promotionFailures, heroku.fake.state.releasePhaseFailures, heroku.fake.state.testRunResult], [0, { 'acme-web-production': 'Boom' }, ['*'], 'failed']);
    assert.equal((r.body as { reviewAppMs: number }).reviewAppMs, heroku.fake.state.reviewAppMs);
    for (const bad of [{ buildStepMs: 5, nope: 1 }, { buildStepMs: 5, testRunResult: 'maybe' }, { buildStepMs: 5, releasePhaseFailures: 'x' }, { buildStepMs: 5, promotionFailures: { a: 1 } }]) {
      assert.equal((await call(heroku, 'PATCH', '/__fake/state', { body: bad })).status, 422, JSON.stringify(bad));
    }
    assert.equal(heroku.fake.state.buildStepMs, 0, 'a rejected PATCH sets nothing');
  });

  it('switches an app to the Fir generation with PATCH /__fake/apps/{app}', async () => {
    assert.equal((await call(heroku, 'PATCH', '/__fake/apps/dana-blog', { body: { generation: 'fir' } })).status, 200);
    assert.equal(((await call(heroku, 'GET', '/apps/dana-blog')).body as { generation: string }).generation, 'fir');
    assert.equal((await call(heroku, 'PATCH', '/__fake/apps/dana-blog', { body: { generation: 'ice' } })).status, 422);
    assert.equal((await call(heroku, 'PATCH', '/__fake/apps/nope', { body: { generation: 'fir' } })).status, 404);
  });

  it('dumps source blobs by size, not bytes', async () => {
    const src = (await call(heroku, 'POST', '/apps/dana-blog/sources')).body as { source_blob: { put_url: string } };
    await fetch(src.source_blob.put_url, { method: 'PUT', body: 'twelve bytes' });
    const dump = await heroku.control.state();
    assert.deepEqual(dump.sources.map((s) => [s.size, 'data' in s, 'sig' in s]), [[12, false, false]]);
  });

  it('lists and clears recorded requests, without recording its own', async () => {
    await call(heroku, 'GET', '/apps', { headers: { 'If-None-Match': '"x"' } });
    const recs = await heroku.control.requests();
    assert.equal(recs.length, 1);
    assert.deepEqual([recs[0].method, recs[0].path, recs[0].status, recs[0].headers['if-none-match']], ['GET', '/apps', 200, '"x"']);
    await heroku.control.clearRequests();
    assert.deepEqual(await heroku.control.requests(), []);
  });
});

describe('scripts/fake-heroku.ts', () => {
  const root = join(__dirname, '../../../..');

  function start(args: string[]) {
    const child = spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'scripts/fake-heroku.ts'), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const firstLine = new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
    });
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    return { child, firstLine, exited };
  }

  it('prints one JSON line, serves, and exits 0 on SIGTERM even with a log stream open', async function () {
    this.timeout(30_000);
    const { child, firstLine, exited } = start(['--json', '--seed', 'demo', '--apps', '2', '--port', '0', '--log-interval', '50']);
    try {
      const info = JSON.parse(await firstLine) as { url: string; apiKey: string };
      assert.deepEqual(Object.keys(info).sort(), ['apiKey', 'url']);
      assert.match(info.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      const headers = { Authorization: `Bearer ${info.apiKey}`, Accept: ACCEPT, 'Content-Type': 'application/json' };
      const apps = (await (await fetch(`${info.url}/apps`, { headers })).json()) as unknown[];
      assert.equal(apps.length, 14, 'the 12 demo apps (one a review app being created) and 2 generated ones');
      const session = (await (await fetch(`${info.url}/apps/acme-api/log-sessions`, { method: 'POST', headers, body: '{"tail":true}' })).json()) as { logplex_url: string };
      const stream = await fetch(session.logplex_url);
      const reader = stream.body!.getReader();
      await reader.read();
      child.kill('SIGTERM');
      // How soon it exits is a figure of bench/fake-heroku.bench.ts; here: it does exit, cleanly, with the stream open.
      const { code } = await exited;
      assert.equal(code, 0);
      let ended = false;
      for (let i = 0; i < 200 && !ended; i++) ended = (await reader.read().catch(() => ({ done: true }))).done === true;
      assert.ok(ended, 'the open log stream ends when the fake stops');
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('stops by itself when its launcher dies (e.g. a killed npx), leaving nothing listening', async function () {
    this.timeout(30_000);
    const cli = join(root, 'node_modules/tsx/dist/cli.mjs');
    const script = join(root, 'scripts/fake-heroku.ts');
    // A shell stays the launcher (no exec), like npm's `sh -c tsx …`; SIGKILL gives it no chance to pass a signal on.
    const sh = spawn('/bin/sh', ['-c', `"${process.execPath}" "${cli}" "${script}" --json --seed empty; true`], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const line = await new Promise<string>((resolve) => createInterface({ input: sh.stdout }).once('line', resolve));
      const { url } = JSON.parse(line) as { url: string };
      assert.equal((await fetch(`${url}/account`)).status, 401, 'it serves');
      sh.kill('SIGKILL');
      await waitUntil('the fake to stop listening after its launcher died', () => fetch(`${url}/account`).then(() => false, () => true), 10_000);
    } finally {
      sh.kill('SIGKILL');
    }
  });

  it('rejects unknown arguments with exit code 2', async function () {
    this.timeout(30_000);
    const { exited } = start(['--seed', 'bogus']);
    assert.equal((await exited).code, 2);
  });
});
