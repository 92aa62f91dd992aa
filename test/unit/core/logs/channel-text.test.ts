import assert from 'node:assert/strict';
import { ChannelText, clearedText, headerText } from '../../../../src/core/logs/channel-text';
import { isMarkerText, reconnectedText } from '../../../../src/core/logs/markers';
import { DEFAULT_SCROLLBACK, MAX_SCROLLBACK, MIN_SCROLLBACK, scrollbackOf } from '../../../../src/core/logs/scrollback';

const WEB = '2026-11-24T06:31:26.123456+00:00 app[web.1]: GET /orders 200';
const WORKER = '2026-11-24T06:31:28.000001+00:00 app[worker.1]: Processed job 1042';
const ROUTER = '2026-11-24T06:31:29.000001+00:00 heroku[router]: at=error code=H12 desc="Request timeout" dyno=web.1 status=503';

describe('core/logs: the text of a log output channel', () => {
  it('the header names the app and the filters, as a marker line', () => {
    const h = headerText('acme', { dyno: 'web.1', source: 'app' }, '23:10:04');
    assert.equal(h, '— Heroku logs for acme · dyno web.1 · source app · since 23:10:04 —');
    assert.ok(isMarkerText(h));
    assert.match(headerText('acme', {}, '23:10:04'), /all lines/);
    assert.equal(headerText('acme', { type: 'web' }, '23:11:00', true), '— filter changed: type web · since 23:11:00 —');
    assert.equal(clearedText(32 << 20), '— this channel reached 32 M characters and was cleared; the tail goes on —');
    assert.equal(clearedText(250_000), '— this channel reached 250,000 characters and was cleared; the tail goes on —');
  });

  it('one string per batch: the lines that pass the filter, each ending in a newline', () => {
    const all = new ChannelText({});
    assert.equal(all.lines([WEB, WORKER, ROUTER]), `${WEB}\n${WORKER}\n${ROUTER}\n`);
    assert.equal(all.written, 3);
    const web = new ChannelText({ dyno: 'web.1' });
    assert.equal(web.lines([WEB, WORKER, ROUTER]), `${WEB}\n`);
    assert.equal(web.lines([WORKER]), '');
    web.setFilter({ source: 'heroku' });
    assert.equal(web.lines([WEB, ROUTER]), `${ROUTER}\n`);
  });

  it('no control character reaches the channel (escaped), tabs stay', () => {
    const out = new ChannelText({}).lines(['2026-11-24T06:31:26+00:00 app[web.1]: \u001b[31mred\u001b[0m\tcol\u0007']);
    assert.ok(![...out.slice(0, -1)].some((c) => c !== '\t' && (c < ' ' || c === '\u007f')), out);
    assert.match(out, /\tcol/);
  });

  it('markers where the stream had a gap, a loss or a cut', () => {
    const t = new ChannelText({});
    assert.equal(t.event({ kind: 'reconnected', afterMs: 2500, missing: true, text: reconnectedText(2500, true) }), `${reconnectedText(2500, true)}\n`);
    assert.match(t.event({ kind: 'dropped', count: 3, text: '— 3 lines dropped: the reader could not keep up —' }), /3 lines dropped/);
    assert.match(t.event({ kind: 'truncated', skippedChars: 9, text: '— the line above was cut: 9 more characters skipped —' }), /cut/);
  });

  it('a retry is said once per gap (first attempt), states without a retry say nothing', () => {
    const t = new ChannelText({});
    assert.equal(t.event({ kind: 'state', state: 'live' }), '');
    assert.equal(t.event({ kind: 'state', state: 'reconnecting', retryInMs: 900, attempt: 1, detail: 'socket hang up' }),
      '— connection lost: socket hang up; reconnecting —\n');
    assert.equal(t.event({ kind: 'state', state: 'reconnecting', retryInMs: 1900, attempt: 2, detail: 'socket hang up' }), '');
    assert.match(t.event({ kind: 'state', state: 'connecting', retryInMs: 900, attempt: 1, detail: 'HTTP 503' }), /could not connect: HTTP 503/);
  });

  it('the end: the reason given for a stop on purpose, the stream\'s own text for a failure', () => {
    const t = new ChannelText({});
    assert.equal(t.event({ kind: 'end', reason: 'stopped', text: 'x' }, 'signed out of Heroku'), '— log stream stopped: signed out of Heroku —\n');
    assert.equal(t.event({ kind: 'end', reason: 'failed', text: '— log stream stopped: app not found —' }), '— log stream stopped: app not found —\n');
  });
});

describe('core/logs/scrollback', () => {
  it('the setting as a limit: the default unless a number, clamped to a sane range', () => {
    assert.deepEqual([undefined, '5', Number.NaN, 10, 250_000.4, 1e12].map(scrollbackOf), [DEFAULT_SCROLLBACK, DEFAULT_SCROLLBACK, DEFAULT_SCROLLBACK, MIN_SCROLLBACK, 250_000, MAX_SCROLLBACK]);
  });
});
