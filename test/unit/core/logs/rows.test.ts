import * as assert from 'node:assert/strict';
import { Pulse } from '../../../../src/core/view-pulse';
import { ENDED_ROW, LineRate, RUNNING_ROW, rate, tailRows, type TailFigures } from '../../../../src/core/logs/rows';
import { FakeClock } from '../../../support/fake-clock';

const base: TailFigures = { app: 'acme-web', filter: {}, state: 'live', received: 12345, dropped: 0, perSecond: 12.4 };

describe('core/logs/rows', () => {
  it('says filter, state, lines, rate and drops; running tails first, each with its menu', () => {
    const rows = tailRows([
      { ...base, app: 'gone', state: 'failed', detail: 'app not found', received: 0, perSecond: 0 },
      base,
      { ...base, app: 'api', filter: { dyno: 'web.1', source: 'app' }, state: 'reconnecting', detail: 'the stream ended', received: 1, dropped: 1500, perSecond: 0.44 },
      { ...base, app: 'old', state: 'stopped', received: 7 },
    ]);
    assert.deepEqual(rows.map((r) => [r.label, r.description, r.contextValue, r.icon]), [
      ['acme-web', 'all lines · live · 12,345 lines · 12/s', RUNNING_ROW, 'pulse'],
      ['api', 'dyno web.1 · source app · reconnecting… · 1 line · 0.4/s · 1,500 dropped', RUNNING_ROW, 'sync~spin'],
      ['gone', 'all lines · failed · 0 lines', ENDED_ROW, 'error'],
      ['old', 'all lines · stopped · 7 lines', ENDED_ROW, 'circle-slash'],
    ]);
    assert.equal(rows[1].tooltip, 'Logs of api (dyno web.1 · source app)\nreconnecting…: the stream ended\n1 lines received, 0.4/s now\n1,500 lines dropped: the reader could not keep up');
    assert.equal(rows[2].colour, 'testing.iconFailed');
    assert.match(rows[2].tooltip, /^failed: app not found$/m);
    assert.equal(rows[0].app, 'acme-web');
    assert.ok(!('dyno' in rows[1]) && !('type' in rows[1]) && !('source' in rows[1]), 'a row passed to Filter… must not read as a filter');
  });

  it('rate: tenths below 10/s, whole numbers above, 0/s when idle', () => {
    assert.deepEqual([0, 0.04, 0.45, 9.96, 10.4, 1234.6].map(rate), ['0/s', '0/s', '0.5/s', '10/s', '10/s', '1,235/s']);
  });

  describe('LineRate', () => {
    it('averages over the last three seconds, over its age while younger, and falls to 0 when lines stop', () => {
      const r = new LineRate(0);
      r.add(10, 250);
      assert.equal(r.perSecond(500), 10, 'younger than a second: measured over one second');
      r.add(20, 1250);
      assert.equal(r.perSecond(2000), 15, '30 lines in 2 s');
      r.add(30, 2250);
      assert.equal(r.perSecond(2500), 24, '60 lines in 2.5 s');
      assert.equal(r.perSecond(3000), 20, '60 lines in the last 3 s');
      assert.equal(r.perSecond(3500), 50 / 3, 'the first batch left the window');
      assert.equal(r.perSecond(6100), 0);
    });
  });

  describe('Pulse', () => {
    it('redraws at most once per minMs however often poked, then every idleMs while active, and stops when not', async () => {
      const clock = new FakeClock({ start: 0 });
      let active = true;
      const draws: number[] = [];
      const pulse = new Pulse(clock, () => draws.push(clock.now()), { minMs: 250, idleMs: 1000, active: () => active });
      pulse.poke();
      pulse.poke();
      await clock.advance(0);
      assert.deepEqual(draws, [0], 'the first poke draws at once');
      for (let t = 0; t < 10; t++) { pulse.poke(); await clock.advance(50); }
      assert.deepEqual(draws, [0, 250, 500], 'ten pokes in 500 ms: a draw each 250 ms');
      await clock.advance(1500);
      assert.deepEqual(draws, [0, 250, 500, 1500], 'while active and not poked, one redraw a second');
      active = false;
      await clock.advance(5000);
      assert.deepEqual(draws, [0, 250, 500, 1500, 2500], 'the draw after it went idle is the last');
      assert.equal(clock.pending, 0);
      pulse.poke();
      pulse.dispose();
      await clock.advance(1000);
      assert.equal(draws.length, 5, 'disposed: no draw');
    });
  });
});
