import assert from 'node:assert/strict';
import type { TailEvent } from '../../../../src/infra/logstream/events';
import { tailLogs } from '../../../../src/infra/logstream/tail';
import { useFakeHeroku } from '../../../support/use-fake-heroku';
import { clientFor, FakeStreamClock, POLL, range, seqsOf } from './helpers';
import { waitUntil } from '../../../support/wait';

const APP = 'acme-web-production';
const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('infra/logstream: a slow reader, and Fir sessions', function () {
  this.timeout(30_000);
  const heroku = useFakeHeroku();

  it('pause (default): a slow reader holds the connection back; buffered text stays bounded; nothing is lost', async () => {
    heroku.fake.logs.script(APP, { mode: 'bulk', count: 20_000, end: true });
    const tail = tailLogs(clientFor(heroku.fake), { app: APP, generation: 'cedar', tail: false, lines: 0, clock: new FakeStreamClock(), highWaterChars: 64 * 1024 });
    const lines: string[] = [];
    let biggest = 0;
    for await (const e of tail) {
      if (e.kind !== 'lines') continue;
      biggest = Math.max(biggest, e.lines.reduce((n, l) => n + l.length + 1, 0));
      lines.push(...e.lines);
      for (let i = 0; i < 5; i++) await tick(); // a reader busier than the network
    }
    assert.deepEqual(seqsOf(lines), range(1, 20_000));
    // High water plus what one network read can add after the pause was asked.
    assert.ok(biggest <= 64 * 1024 + 256 * 1024, `largest batch ${biggest} characters`);
  });

  it('drop: a reader that cannot keep up gets "N lines dropped" exactly where the lines went missing', async () => {
    heroku.fake.logs.script(APP, { mode: 'bulk', count: 20_000, end: true });
    const tail = tailLogs(clientFor(heroku.fake), { app: APP, generation: 'cedar', tail: false, lines: 0, clock: new FakeStreamClock(), overflow: 'drop', maxBufferedChars: 32 * 1024 });
    const events: TailEvent[] = [];
    for await (const e of tail) {
      events.push(e);
      await new Promise((r) => setTimeout(r, 1));
    }
    const dropped = events.filter((e) => e.kind === 'dropped');
    assert.ok(dropped.length > 0, 'this reader is slower than loopback');
    let expected = 1;
    let total = 0;
    for (const e of events) {
      if (e.kind === 'dropped') {
        expected += e.count;
        total += e.count;
      } else if (e.kind === 'lines') {
        for (const s of seqsOf(e.lines)) assert.equal(s, expected++, 'lines between markers are contiguous');
      }
    }
    assert.equal(expected - 1, 20_000, 'received + dropped = sent');
    assert.ok(total > 0 && total < 20_000);
  });

  it('Fir: session body {dyno, source, type} without lines or tail; renewed on its timer with overlap; no line lost or doubled', async () => {
    heroku.fake.logs.script(APP, { mode: 'bulk', count: 3000, fir: true, silenceAfterLines: 1000, silences: 1 });
    const clock = new FakeStreamClock();
    const tail = tailLogs(clientFor(heroku.fake), { app: APP, generation: 'fir', type: 'web', source: 'app', clock, renewMs: 60_000, overlapMs: 1000 });
    const lines: string[] = [];
    const events: TailEvent[] = [];
    const reading = (async () => {
      for await (const e of tail) {
        events.push(e);
        if (e.kind === 'lines') lines.push(...e.lines);
      }
    })();
    await waitUntil('the first session to go quiet', () => lines.length >= 1000, POLL);
    await clock.advance(60_000); // renewal: a new session while the old one is still open
    await waitUntil('the overlapping session', () => events.some((e) => e.kind === 'state' && e.detail === 'renewing the log session'), POLL);
    assert.equal(heroku.fake.logs.openStreams, 2);
    await clock.advance(1000); // the overlap ends: the old stream is closed
    await waitUntil('all lines', () => lines.length >= 3000, POLL);
    tail.stop();
    await reading;
    assert.deepEqual(seqsOf(lines), range(1, 3000));
    const bodies = [...heroku.fake.state.logSessions.values()].map((s) => [s.dyno, s.type, s.source]);
    assert.deepEqual(bodies, [[null, 'web', 'app'], [null, 'web', 'app']]);
    assert.ok(events.some((e) => e.kind === 'state' && e.detail === 'log session renewed'));
    assert.ok(!events.some((e) => e.kind === 'reconnected'), 'a renewal is not a gap');
  });

  it('Fir renewal: lines both sessions carried during the overlap are delivered once', async () => {
    heroku.fake.logs.script(APP, { fir: true });
    const clock = new FakeStreamClock();
    const tail = tailLogs(clientFor(heroku.fake), { app: APP, generation: 'fir', clock, renewMs: 60_000, overlapMs: 1000 });
    const lines: string[] = [];
    let renewing = false;
    const reading = (async () => {
      for await (const e of tail) {
        if (e.kind === 'lines') lines.push(...e.lines.filter((l) => l.includes(' app[web.9]: ')));
        if (e.kind === 'state' && e.detail === 'renewing the log session') renewing = true;
      }
    })();
    const batch = (tag: string): string[] => range(1, 5).map((i) => `2026-11-24T08:00:0${i}.000000+00:00 app[web.9]: ${tag}${i}`);
    await waitUntil('the first stream', () => heroku.fake.logs.openStreams === 1, POLL);
    heroku.fake.logs.publish(APP, batch('A'));
    await waitUntil('A lines', () => lines.length === 5, POLL);
    await clock.advance(60_000);
    await waitUntil('the overlapping stream', () => renewing, POLL);
    assert.equal(heroku.fake.logs.openStreams, 2);
    assert.equal(heroku.fake.logs.publish(APP, batch('B')), 2, 'both sessions carry the B lines');
    await waitUntil('B lines from the old stream', () => lines.length === 10, POLL);
    await clock.advance(1000);
    await waitUntil('the old stream closed', () => heroku.fake.logs.openStreams === 1, POLL);
    heroku.fake.logs.publish(APP, batch('C'));
    await waitUntil('C lines', () => lines.length >= 15, POLL);
    tail.stop();
    await reading;
    assert.deepEqual(lines.map((l) => l.split(': ')[1]), ['A1', 'A2', 'A3', 'A4', 'A5', 'B1', 'B2', 'B3', 'B4', 'B5', 'C1', 'C2', 'C3', 'C4', 'C5']);
  });
});
