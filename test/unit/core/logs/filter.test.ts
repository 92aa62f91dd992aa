import assert from 'node:assert/strict';
import { compileLogFilter, describeFilter, type LogFilterSpec } from '../../../../src/core/logs/filter';
import { parseLogLine } from '../../../../src/core/logs/parse';

const LINES = [
  '2026-11-24T06:31:26+00:00 app[web.1]: GET /orders 200',
  '2026-11-24T06:31:27+00:00 app[web.2]: GET /orders/7 200',
  '2026-11-24T06:31:28+00:00 app[worker.1]: Processed job 1042',
  '2026-11-24T06:31:29+00:00 heroku[router]: at=error code=H12 desc="Request timeout" method=GET path="/export" dyno=web.1 status=503',
  '2026-11-24T06:31:30+00:00 heroku[router]: at=info method=GET path="/Orders" dyno=web.2 status=200',
  '2026-11-24T06:31:31+00:00 heroku[web.2]: Error R14 (Memory quota exceeded)',
  '2026-11-24T06:31:32+00:00 app[web-5d7f8b9c6-x7k2q]: fir says hi',
  '2026-11-24T06:31:33+00:00 app[postgres.1234]: [DATABASE] checkpoint complete',
].map(parseLogLine);

function pick(spec: LogFilterSpec): number[] {
  const c = compileLogFilter(spec);
  assert.ok(c.ok, !c.ok ? c.error : '');
  return LINES.flatMap((l, i) => (c.filter(l) ? [i] : []));
}

describe('core/logs: filters', () => {
  it('an empty filter keeps everything and says so', () => {
    const c = compileLogFilter({ dyno: '  ', text: '' });
    assert.ok(c.ok && c.empty);
    assert.equal(pick({}).length, LINES.length);
  });

  it('dyno: a dyno name is exact, a process type or component matches all of its lines', () => {
    assert.deepEqual(pick({ dyno: 'web.2' }), [1, 5]);
    assert.deepEqual(pick({ dyno: 'web' }), [0, 1, 5, 6]);
    assert.deepEqual(pick({ dyno: 'router' }), [3, 4]);
    assert.deepEqual(pick({ dyno: 'web-5d7f8b9c6-x7k2q' }), [6]);
  });

  it('process type, source, text (case-insensitive), regex', () => {
    assert.deepEqual(pick({ type: 'worker' }), [2]);
    assert.deepEqual(pick({ source: 'heroku' }), [3, 4, 5]);
    assert.deepEqual(pick({ text: 'orders' }), [0, 1, 4]);
    assert.deepEqual(pick({ regex: 'orders/\\d+' }), [1]);
    assert.deepEqual(pick({ regex: '/ORDERS/i' }), [0, 1, 4]);
    assert.deepEqual(pick({ regex: '/orders/gy' }), [0, 1], 'g and y would make repeated tests skip lines');
  });

  it('errors only: error codes, at=error, 5xx; combined with other filters (all must match)', () => {
    assert.deepEqual(pick({ errorsOnly: true }), [3, 5]);
    assert.deepEqual(pick({ errorsOnly: true, dyno: 'web.2' }), [5]);
    assert.deepEqual(pick({ errorsOnly: true, source: 'app' }), []);
  });

  it('a bad regex is an error value with the reason, never a throw', () => {
    const c = compileLogFilter({ regex: '(unclosed' });
    assert.ok(!c.ok);
    assert.match(c.error, /^Invalid regular expression "\(unclosed": .+/);
  });

  it('describes itself for the Logs view', () => {
    assert.equal(describeFilter({ dyno: 'web.1', errorsOnly: true, regex: 'time(out)?' }), 'dyno web.1 · /time(out)?/ · errors only');
    assert.equal(describeFilter({}), '');
  });
});
