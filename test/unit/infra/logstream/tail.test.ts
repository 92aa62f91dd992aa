import assert from 'node:assert/strict';
import { useFakeHeroku } from '../../../support/use-fake-heroku';
import { clientFor, POLL, range, seqsOf, startTail } from './helpers';
import { waitUntil } from '../../../support/wait';

const APP = 'acme-web-production';

describe('infra/logstream: tail against the fake logplex', function () {
  this.timeout(30_000);
  const heroku = useFakeHeroku({ logIntervalMs: 10 });

  for (const accept of ['plain', 'sse'] as const) {
    it(`${accept}: every line once, whole and in order; a session without tail ends complete`, async () => {
      heroku.fake.logs.script(APP, { mode: 'bulk', count: 3000, end: true });
      const r = startTail(heroku.fake, { accept, tail: false, lines: 100 });
      await r.done;
      assert.deepEqual(seqsOf(r.lines), range(1, 3000));
      const end = r.events.at(-1);
      assert.ok(end?.kind === 'end' && end.reason === 'complete', JSON.stringify(end));
      const s = [...heroku.fake.state.logSessions.values()];
      assert.equal(s.length, 1);
      assert.deepEqual([s[0].lines, s[0].tail, s[0].dyno], [100, false, null]);
    });
  }

  it('sends the Cedar session body as the Heroku CLI does (dyno || type, source, lines, tail)', async () => {
    heroku.fake.logs.script(APP, { mode: 'bulk', count: 1, end: true });
    await startTail(heroku.fake, { type: 'web', source: 'app', lines: 20, tail: false }).done;
    const s = [...heroku.fake.state.logSessions.values()][0];
    assert.deepEqual([s.dyno, s.source, s.lines, s.tail, s.type], ['web', 'app', 20, false, null]);
  });

  it('drops mid-line: reconnects with a new session, recovers the cut and the missed lines from the replay, says none were missed', async () => {
    heroku.fake.logs.script(APP, { mode: 'bulk', count: 2000, dropAfterLines: 400, drops: 3, gapLines: 50 });
    const r = startTail(heroku.fake, { accept: 'plain', lines: 0 });
    await waitUntil('2000 lines', () => r.lines.length >= 2000, POLL);
    r.tail.stop();
    await r.done;
    assert.deepEqual(seqsOf(r.lines), range(1, 2000), 'every line once, in order, none merged or split');
    const markers = r.events.filter((e) => e.kind === 'reconnected');
    assert.equal(markers.length, 3);
    for (const m of markers) assert.ok(m.kind === 'reconnected' && !m.missing && /no lines were missed/.test(m.text));
    assert.equal(heroku.fake.state.logSessions.size, 4, 'one new session per reconnect');
    assert.deepEqual(r.clock.sleeps, [750, 1500, 3000], 'exponential backoff with jitter (random 0.5 → 3/4 of the step)');
    const reconnectBodies = [...heroku.fake.state.logSessions.values()].slice(1).map((s) => s.lines);
    assert.deepEqual(reconnectBodies, [1500, 1500, 1500], 'a reconnect asks for the history to resync');
  });

  it('marks a gap it cannot close: more lines than the replay holds were written meanwhile', async () => {
    heroku.fake.logs.script(APP, { mode: 'bulk', count: 3000, dropAfterLines: 100, drops: 1, gapLines: 1700 });
    const r = startTail(heroku.fake, { accept: 'sse', lines: 0 });
    await waitUntil('the last line', () => r.lines.length > 0 && seqsOf(r.lines).at(-1) === 3000, POLL);
    r.tail.stop();
    await r.done;
    const seqs = seqsOf(r.lines);
    assert.deepEqual(seqs.slice(0, 100), range(1, 100));
    const i = r.events.findIndex((e) => e.kind === 'reconnected');
    const m = r.events[i];
    assert.ok(m.kind === 'reconnected' && m.missing && /lines in between may be missing/.test(m.text));
    const after = r.events.slice(i + 1).flatMap((e) => (e.kind === 'lines' ? seqsOf(e.lines) : []));
    assert.ok(after[0] > 101, 'lines 101.. before the replay window are gone');
    assert.deepEqual(after, range(after[0], 3000), 'after the marker: a contiguous run to the end, nothing twice');
    assert.equal(new Set(seqs).size, seqs.length);
  });

  it('goes silent: reconnects after the silence limit (fake clock) and loses nothing', async () => {
    heroku.fake.logs.script(APP, { mode: 'bulk', count: 500, silenceAfterLines: 200, silences: 1 });
    const r = startTail(heroku.fake, { accept: 'plain', lines: 0, silenceMs: 60_000 });
    await waitUntil('200 lines', () => r.lines.length >= 200, POLL);
    assert.equal(heroku.fake.logs.openStreams, 1);
    await r.clock.advance(60_000);
    await waitUntil('500 lines', () => r.lines.length >= 500, POLL);
    r.tail.stop();
    await r.done;
    assert.deepEqual(seqsOf(r.lines), range(1, 500));
    const st = r.events.find((e) => e.kind === 'state' && e.state === 'reconnecting' && e.detail !== undefined);
    assert.ok(st?.kind === 'state' && /nothing arrived for 60 s/.test(st.detail ?? ''), JSON.stringify(st));
  });

  it('retries a 5xx on session creation with backoff, then streams', async () => {
    heroku.fake.logs.script(APP, { mode: 'bulk', count: 10, end: true });
    heroku.fake.faults.add({ method: 'POST', path: '/apps/*/log-sessions', status: 503, times: 3 });
    const r = startTail(heroku.fake, { tail: false });
    await r.done;
    assert.deepEqual(seqsOf(r.lines), range(1, 10));
    assert.deepEqual(r.clock.sleeps, [750, 1500, 3000]);
    const waits = r.events.filter((e) => e.kind === 'state' && e.retryInMs !== undefined);
    assert.equal(waits.length, 3);
  });

  it('an expired logplex_url (404/410) leads to a new session, never back to the old URL', async () => {
    heroku.fake.logs.script(APP, { mode: 'bulk', count: 300, dropAfterLines: 100, drops: 1 });
    heroku.fake.faults.add({ method: 'GET', path: '/__logplex/*', status: 410, times: 1 });
    const r = startTail(heroku.fake, { lines: 0 });
    await waitUntil('300 lines', () => r.lines.length >= 300, POLL);
    r.tail.stop();
    await r.done;
    assert.deepEqual(seqsOf(r.lines), range(1, 300));
    const gets = heroku.fake.requests.filter((q) => q.path.startsWith('/__logplex/'));
    assert.equal(new Set(gets.map((q) => q.path)).size, gets.length, 'each logplex_url was opened once');
    assert.equal(gets[0].status, 410);
    const st = r.events.find((e) => e.kind === 'state' && /session expired/.test(e.detail ?? ''));
    assert.ok(st, 'the wait says why');
  });

  it('a 1 MB line arrives whole (plain and SSE); invalid UTF-8 becomes U+FFFD without losing the line', async () => {
    for (const accept of ['plain', 'sse'] as const) {
      heroku.fake.reset();
      heroku.fake.logs.script(APP, { mode: 'bulk', count: 30, end: true, hugeLineAt: 10, invalidUtf8Every: 7 });
      const r = startTail(heroku.fake, { accept, tail: false, lines: 0 });
      await r.done;
      assert.deepEqual(seqsOf(r.lines), range(1, 30), accept);
      assert.ok(r.lines[9].length > 1 << 20, `${accept}: the 1 MB line is whole`);
      assert.ok(r.lines[6].includes('\ufffd') && r.lines[13].includes('\ufffd') && !r.lines[5].includes('\ufffd'));
    }
  });

  it('cuts a line longer than maxLineChars and says how much was skipped', async () => {
    heroku.fake.logs.script(APP, { mode: 'bulk', count: 5, end: true, hugeLineAt: 3, hugeLineBytes: 300_000 });
    const r = startTail(heroku.fake, { accept: 'plain', tail: false, lines: 0, maxLineChars: 100_000 });
    await r.done;
    assert.equal(r.lines[2].length, 100_000);
    assert.deepEqual(seqsOf(r.lines.filter((_, i) => i !== 2)), [1, 2, 4, 5]);
    const t = r.events.find((e) => e.kind === 'truncated');
    assert.ok(t?.kind === 'truncated' && t.skippedChars > 200_000, JSON.stringify(t));
  });

  it('1,000 drops in a row: backoff grows to its cap with jitter (no storm), then every line arrives once, the gap marked once', async () => {
    heroku.fake.logs.script(APP, { mode: 'bulk', count: 50, dropAfterLines: 0, drops: 1000 });
    const r = startTail(heroku.fake, { accept: 'plain', lines: 1500, backoff: { baseMs: 1000, maxMs: 30_000 } });
    await waitUntil('50 lines', () => r.lines.length >= 50, { ...POLL, ms: 60_000 });
    r.tail.stop();
    await r.done;
    assert.equal(r.clock.sleeps.length, 1000);
    assert.deepEqual(r.clock.sleeps.slice(0, 6), [750, 1500, 3000, 6000, 12_000, 22_500]);
    assert.ok(r.clock.sleeps.slice(5).every((ms) => ms === 22_500), 'capped at 30 s (jitter 0.5 → 22.5 s)');
    assert.equal(heroku.fake.state.logSessions.size, 1001);
    assert.deepEqual(seqsOf(r.lines), range(1, 50));
    assert.equal(r.events.filter((e) => e.kind === 'reconnected').length, 1, 'connections that died before a line do not end the gap');
  });

  it('stop() ends the HTTP request (the fake sees it close) and the iteration', async () => {
    const r = startTail(heroku.fake, { lines: 5 });
    await waitUntil('a live stream', () => r.lines.length >= 5 && heroku.fake.logs.openStreams === 1, POLL);
    r.tail.stop();
    await r.done;
    await waitUntil('the fake to see the close', () => heroku.fake.logs.openStreams === 0, POLL);
    const end = r.events.at(-1);
    assert.ok(end?.kind === 'end' && end.reason === 'stopped');
  });

  it('ends with a clear failure, without retrying, for an unknown app or a rejected key; the key is never in an event', async () => {
    const nope = startTail(heroku.fake, { app: 'no-such-app' });
    await nope.done;
    const e = nope.events.at(-1);
    assert.ok(e?.kind === 'end' && e.reason === 'failed' && e.error?.status === 404, JSON.stringify(e));
    assert.deepEqual(nope.clock.sleeps, []);
    const bad = startTail(heroku.fake, {}, clientFor(heroku.fake, 'HRKU-not-the-key-0123456789'));
    await bad.done;
    const b = bad.events.at(-1);
    assert.ok(b?.kind === 'end' && b.reason === 'failed' && /401/.test(b.text), JSON.stringify(b));
    assert.doesNotMatch(JSON.stringify(bad.events), /HRKU-not-the-key/);
    assert.doesNotMatch(JSON.stringify(nope.events), new RegExp(heroku.apiKey));
  });

  it('asks GET /apps/{app} for the generation when not told, and tails the demo story', async () => {
    const r = startTail(heroku.fake, { generation: undefined, lines: 10 });
    await waitUntil('history and live lines', () => r.lines.length >= 12, POLL);
    r.tail.stop();
    await r.done;
    assert.ok(heroku.fake.requests.some((q) => q.method === 'GET' && q.path === `/apps/${APP}`));
    assert.ok(r.lines.every((l) => /^\d{4}-\d\d-\d\dT\S+ (app|heroku)\[[\w.-]+\]: /.test(l)));
  });
});
