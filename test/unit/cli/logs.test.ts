/* eslint-disable no-control-regex -- the output is checked for control characters */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { runCli } from './helpers';
import { useFakeHeroku } from '../../support/use-fake-heroku';
import { waitUntil } from '../../support/wait';
import { seqOf } from '../../support/fake-heroku/logs/bulk-lines';

const H12 = '2026-11-24T06:31:26.123456+00:00 heroku[router]: at=error code=H12 desc="Request timeout" method=GET path="/x" host=a.herokuapp.com dyno=web.1 connect=0ms service=30000ms status=503 bytes=0 protocol=https';
const APP_LINE = '2026-11-24T06:31:27.000001+00:00 app[web.1]: GET /orders 200 \x1b[2Jcleared';

function cli(argv: string[], o: { stdin?: string | Buffer[]; env?: NodeJS.ProcessEnv; tty?: boolean; signal?: AbortSignal } = {}) {
  const stdin = o.stdin === undefined ? undefined : Readable.from(typeof o.stdin === 'string' ? [Buffer.from(o.stdin)] : o.stdin);
  return runCli(['logs', ...argv], { ...o, stdin });
}

describe('cli: heroku-workflows logs', function () {
  this.timeout(20_000);

  it('parse --json: one object per line with the documented keys, control characters escaped', async () => {
    const r = await cli(['parse', '--json'], { stdin: `${H12}\n${APP_LINE}\njunk` });
    assert.equal(r.code, 0, r.stderr);
    const rows = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.equal(rows.length, 3);
    assert.deepEqual(Object.keys(rows[0]), ['timestamp', 'source', 'dyno', 'type', 'message', 'fields', 'code']);
    assert.equal(rows[0].code, 'H12');
    assert.equal((rows[0].fields as Record<string, string>).desc, 'Request timeout');
    assert.equal(rows[1].message, 'GET /orders 200 \x1b[2Jcleared');
    assert.doesNotMatch(r.stdout, /\x1b/);
    assert.deepEqual(rows[2], { timestamp: null, source: null, dyno: null, type: null, message: 'junk' });
  });

  it('parse: colours on a terminal, plain when NO_COLOR is set or not a terminal; log text never drives the terminal', async () => {
    const tty = await cli(['parse'], { stdin: `${H12}\n${APP_LINE}\n`, tty: true });
    assert.match(tty.stdout, /\x1b\[1;31mH12\x1b\[0m/);
    assert.ok(tty.stdout.includes('\\u001b[2Jcleared'));
    assert.doesNotMatch(tty.stdout.replace(/\x1b\[[0-9;]*m/g, ''), /\x1b/);
    const noColor = await cli(['parse'], { stdin: `${H12}\n`, tty: true, env: { NO_COLOR: '1' } });
    assert.equal(noColor.stdout, `${H12}\n`);
    const pipe = await cli(['parse'], { stdin: `${H12}\n` });
    assert.equal(pipe.stdout, `${H12}\n`);
    assert.match((await cli(['parse', '--color', 'always'], { stdin: `${H12}\n` })).stdout, /\x1b\[/);
  });

  it('parse: filters (--errors, --grep, --dyno) and bytes split across reads, invalid UTF-8 included', async () => {
    const utf8 = Buffer.concat([Buffer.from(`${H12}\n${APP_LINE}\n2026-11-24T06:31:28+00:00 app[worker.1]: caf`), Buffer.from('\u00e9'), Buffer.from([0xff]), Buffer.from('\n')]);
    // Cut inside the two bytes of "é": the decoder must join them.
    const parts = [utf8.subarray(0, 250), utf8.subarray(250, utf8.length - 3), utf8.subarray(utf8.length - 3)];
    const errors = await cli(['parse', '--errors'], { stdin: parts });
    assert.equal(errors.stdout, `${H12}\n`);
    const worker = await cli(['parse', '--dyno', 'worker'], { stdin: parts });
    assert.equal(worker.stdout, '2026-11-24T06:31:28+00:00 app[worker.1]: caf\u00e9\ufffd\n');
    const grep = await cli(['parse', '--grep', 'ORDERS'], { stdin: parts });
    assert.match(grep.stdout, /^2026-11-24T06:31:27\.000001\+00:00 app\[web\.1\]: GET \/orders/);
  });

  it('usage errors exit 2 with the reason; help exits 0', async () => {
    assert.equal((await cli(['tail'])).code, 2);
    assert.match((await cli(['tail'])).stderr, /logs tail needs --app APP/);
    assert.match((await cli(['parse', '--regex', '(x'])).stderr, /Invalid regular expression/);
    assert.equal((await cli(['frobnicate'])).code, 2);
    const help = await cli(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /logs tail --app APP/);
  });

  describe('tail, against the fake Heroku', () => {
    const heroku = useFakeHeroku();
    let home: string;
    beforeEach(() => { home = mkdtempSync(join(tmpdir(), 'hw-logs-home-')); });
    afterEach(() => rmSync(home, { recursive: true, force: true }));

    it('HEROKU_API_KEY + HEROKU_API_URL: streams an app\'s lines (--no-tail ends), as JSON too', async () => {
      heroku.fake.logs.script('acme-web-dev', { mode: 'bulk', count: 40, end: true });
      const env = { HEROKU_API_KEY: heroku.apiKey, HEROKU_API_URL: heroku.url, HOME: home };
      const r = await cli(['tail', '--app', 'acme-web-dev', '--no-tail', '--lines', '0'], { env });
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(r.stdout.trimEnd().split('\n').map((l) => seqOf(l)), Array.from({ length: 40 }, (_, i) => i + 1));
      heroku.fake.logs.script('acme-web-dev', { mode: 'bulk', count: 5, end: true });
      const j = await cli(['tail', '-a', 'acme-web-dev', '--no-tail', '--json'], { env });
      assert.equal(j.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { timestamp: string }).length, 5);
      assert.ok(!r.stdout.includes(heroku.apiKey) && !r.stderr.includes(heroku.apiKey) && !j.stdout.includes(heroku.apiKey));
    });

    it('uses the Heroku CLI login in ~/.netrc; sends --dyno/--source to Heroku; stops on its signal', async () => {
      writeFileSync(join(home, '.netrc'), `machine 127.0.0.1\n  login dana@example.com\n  password ${heroku.apiKey}\n`);
      const ac = new AbortController();
      const env = { HEROKU_API_URL: heroku.url, HOME: home };
      const running = cli(['tail', '--app', 'acme-web-staging', '--dyno', 'web.1', '--source', 'app', '--lines', '3'], { env, signal: ac.signal });
      await waitUntil('the log stream to open', () => heroku.fake.logs.openStreams > 0, { everyMs: 5 });
      ac.abort();
      const r = await running;
      assert.equal(r.code, 0, r.stderr);
      const s = [...heroku.fake.state.logSessions.values()][0];
      assert.deepEqual([s.dyno, s.source, s.lines, s.tail], ['web.1', 'app', 3, true]);
      const authz = heroku.fake.requests.find((q) => q.path.endsWith('/log-sessions'))?.headers.authorization;
      assert.equal(authz, `Bearer ${heroku.apiKey}`);
    });

    it('a rejected key: exit 1 with Heroku\'s reason, the key never printed; no key at all: says how to sign in', async () => {
      const bad = 'HRKU-wrong-0123456789abcdef';
      const r = await cli(['tail', '--app', 'acme-web-dev'], { env: { HEROKU_API_KEY: bad, HEROKU_API_URL: heroku.url, HOME: home } });
      assert.equal(r.code, 1);
      assert.match(r.stderr, /401/);
      assert.ok(!r.stderr.includes(bad) && !r.stdout.includes(bad));
      const none = await cli(['tail', '--app', 'acme-web-dev'], { env: { HEROKU_API_URL: heroku.url, HOME: home } });
      assert.equal(none.code, 1);
      assert.match(none.stderr, /not signed in to Heroku/);
    });
  });
});
