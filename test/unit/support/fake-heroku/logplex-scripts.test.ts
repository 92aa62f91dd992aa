import assert from 'node:assert/strict';
import { type FakeHeroku } from '../../../support/fake-heroku';
import { useFakeHeroku } from '../../../support/use-fake-heroku';
import { seqOf } from '../../../support/fake-heroku/logs/bulk-lines';
import { trafficEvents } from '../../../support/fake-heroku/logs/lines';
import { call } from './client';

const APP = 'acme-web-production';

async function session(fake: FakeHeroku, body: Record<string, unknown> = {}): Promise<string> {
  const r = await call(fake, 'POST', `/apps/${APP}/log-sessions`, { body });
  assert.equal(r.status, 201, r.text);
  return (r.body as { logplex_url: string }).logplex_url;
}

/** Reads raw bytes until `until(bytes)` holds or the stream ends or fails; then aborts. */
async function readRaw(url: string, until: (b: Buffer) => boolean, accept?: string): Promise<{ bytes: Buffer; ended: boolean; failed: boolean; status: number }> {
  const ac = new AbortController();
  const res = await fetch(url, { signal: ac.signal, headers: accept ? { Accept: accept } : {} });
  const chunks: Buffer[] = [];
  let ended = false;
  let failed = false;
  if (res.body) {
    const reader = res.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) {
          ended = true;
          break;
        }
        chunks.push(Buffer.from(value));
        if (until(Buffer.concat(chunks))) break;
      }
    } catch {
      failed = true;
    }
  }
  ac.abort();
  return { bytes: Buffer.concat(chunks), ended, failed, status: res.status };
}

const lineCount = (b: Buffer): number => b.toString('utf8').split('\n').filter((l) => l !== '').length;
const seqs = (b: Buffer): number[] => b.toString('utf8').split('\n').filter((l) => l.endsWith('protocol=https') || /seq=\d+/.test(l)).map((l) => seqOf(l) ?? -1);

describe('fake Heroku: logplex scripts (bulk, faults, expiry)', () => {
  const heroku = useFakeHeroku({ logIntervalMs: 20 });

  it('bulk: numbered lines in order, as plain text, then the stream ends (end: true); counters agree', async () => {
    heroku.fake.logs.script(APP, { mode: 'bulk', count: 5000, end: true });
    const r = await readRaw(await session(heroku.fake, { tail: true, lines: 0 }), () => false);
    assert.ok(r.ended);
    const got = seqs(r.bytes);
    assert.deepEqual(got, Array.from({ length: 5000 }, (_, i) => i + 1));
    assert.deepEqual(heroku.fake.logs.stats(APP), { emitted: 5000, written: 5000, cut: 0, drops: 0, connections: 1 });
  });

  it('bulk over SSE: every event id is the line number', async () => {
    heroku.fake.logs.script(APP, { mode: 'bulk', count: 300, end: true });
    const text = (await readRaw(await session(heroku.fake, { tail: true }), () => false, 'text/event-stream')).bytes.toString('utf8');
    const events = text.split('\n\n').filter((e) => e !== '');
    assert.equal(events.length, 300);
    for (const e of events) {
      const [id, data] = e.split('\n');
      assert.equal(Number(id.slice(4)), seqOf(data.slice(6)));
    }
  });

  it('a drop cuts a line in half; the next session replays it and the lines written meanwhile', async () => {
    heroku.fake.logs.script(APP, { mode: 'bulk', count: 1000, end: true, dropAfterLines: 100, drops: 1, gapLines: 50 });
    const first = await readRaw(await session(heroku.fake, { tail: true, lines: 0 }), () => false);
    assert.ok(first.failed || !first.ended, 'the socket was destroyed');
    const text = first.bytes.toString('utf8');
    assert.equal(text.split('\n').length, 101, '100 whole lines and a partial one');
    assert.ok(!text.endsWith('\n'));
    assert.deepEqual(heroku.fake.logs.stats(APP), { emitted: 151, written: 100, cut: 1, drops: 1, connections: 1 });
    const second = await readRaw(await session(heroku.fake, { tail: true, lines: 60 }), () => false);
    const got = seqs(second.bytes);
    assert.deepEqual(got.slice(0, 60), Array.from({ length: 60 }, (_, i) => 92 + i), 'the last 60 lines of the buffer: 92..151');
    assert.equal(got.at(-1), 1000);
  });

  it('silence: the connection stays open and writes nothing more after N lines', async () => {
    heroku.fake.logs.script(APP, { mode: 'bulk', count: 1000, silenceAfterLines: 10, silences: 1 });
    const url = await session(heroku.fake, { tail: true, lines: 0 });
    const r = await readRaw(url, (b) => lineCount(b) >= 10);
    assert.equal(lineCount(r.bytes), 10);
    assert.equal(heroku.fake.logs.stats(APP).written, 10);
  });

  it('invalid UTF-8 inside chosen lines, and a 1 MB line, are sent as bytes', async () => {
    heroku.fake.logs.script(APP, { mode: 'bulk', count: 4, end: true, invalidUtf8Every: 3, hugeLineAt: 2 });
    const r = await readRaw(await session(heroku.fake, { tail: true }), () => false);
    const lines = r.bytes.toString('latin1').split('\n').filter((l) => l !== '');
    assert.equal(lines.length, 4);
    assert.ok(lines[1].length > 1 << 20);
    assert.ok(lines[2].includes('\xff\xfe\xc3'));
    assert.ok(!lines[0].includes('\xff'));
  });

  it('expired sessions answer 404 (or 410), and so do sessions older than the TTL', async () => {
    const url = await session(heroku.fake);
    heroku.fake.logs.expireSessions();
    assert.equal((await fetch(url)).status, 404);
    const other = await session(heroku.fake);
    heroku.fake.logs.expireSessions({ status: 410 });
    const gone = await fetch(other);
    assert.equal(gone.status, 410);
    assert.equal(((await gone.json()) as { id: string }).id, 'gone');
    heroku.fake.logs.sessionTtlMs = -1;
    assert.equal((await fetch(await session(heroku.fake))).status, 404);
  });

  it('the control route sets a script and reports counters (for tests in another process)', async () => {
    const set = await call(heroku, 'POST', '/__fake/logs', { body: { app: APP, mode: 'bulk', count: 10, end: true } });
    assert.equal(set.status, 201);
    assert.equal((await call(heroku, 'POST', '/__fake/logs', { body: { app: APP, mode: 'loud' } })).status, 422);
    await readRaw(await session(heroku.fake, { tail: true }), () => false);
    const got = await call(heroku, 'GET', `/__fake/logs/${APP}`);
    assert.deepEqual((got.body as { stats: unknown }).stats, { emitted: 10, written: 10, cut: 0, drops: 0, connections: 1 });
    assert.equal((await call(heroku, 'POST', '/__fake/logs/expire', { body: { status: 410 } })).status, 200);
  });

  it('live demo traffic has 2xx, 3xx, 4xx and 5xx routes, an occasional H12 and an R14', () => {
    const app = heroku.fake.state.app(APP);
    const lines = Array.from({ length: 400 }, (_, n) => trafficEvents(heroku.fake.state, app, 1000 + n, 0)).flat().map((e) => e.message);
    for (const cls of ['2', '3', '4', '5']) assert.ok(lines.some((m) => new RegExp(`status=${cls}\\d\\d `).test(m)), `a ${cls}xx`);
    assert.ok(lines.some((m) => m.startsWith('at=error code=H12 desc="Request timeout"')));
    assert.ok(lines.includes('Error R14 (Memory quota exceeded)'));
  });
});
