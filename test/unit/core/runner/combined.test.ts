import * as assert from 'node:assert/strict';
import { clockTime, combinedLines, CombinedOutput, stripAnsi } from '../../../../src/core/runner/combined';
import { Emitter } from '../../../../src/core/event';
import type { SessionEvent } from '../../../../src/core/runner/session';
import { FakeClock } from '../../../support/fake-clock';

// Local time, as the channel shows it (the test builds the instant from local parts: any time zone passes).
const AT = new Date(2026, 11, 3, 9, 5, 7).getTime();

describe('core/runner/combined', () => {
  it('prefixes each line with the local time and the padded process name', () => {
    assert.equal(clockTime(AT), '09:05:07');
    assert.equal(combinedLines('web.1', 'one\r\ntwo\n', AT), '09:05:07 web.1    | one\n09:05:07 web.1    | two\n');
    assert.equal(combinedLines('web.1', '', AT), '');
  });

  it('strips colours and other escape sequences, and shows every remaining control character escaped', () => {
    const line = '\x1b[31mred\x1b[0m \x1b]0;pwned\x07title \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\ \x1b[2J\x1b[Hcleared\tbell\x07 bs\b \u202eevil\n';
    assert.equal(combinedLines('web.1', line, AT), '09:05:07 web.1    | red title link cleared\tbell\\u0007 bs\\u0008 \\u202eevil\n');
    assert.equal(stripAnsi('\x1bcreset \x9b31mc1'), 'reset c1');
    assert.equal(combinedLines('we\x1bb.1', 'x\n', AT), '09:05:07 we\\u001bb.1 | x\n');
  });

  it('follows a session: output, starts and exits, each stamped with the clock; bounded, cut at a line start', async () => {
    const events = new Emitter<SessionEvent>();
    const clock = new FakeClock({ start: AT });
    const out = new CombinedOutput({ onEvent: events.event }, clock, 120);
    const pieces: string[] = [];
    out.onAppend((t) => pieces.push(t));
    events.fire({ kind: 'started', name: 'web.1', pid: 42 });
    events.fire({ kind: 'output', name: 'web.1', text: 'listening\n' });
    await clock.advance(61_000);
    events.fire({ kind: 'stopping', name: 'web.1', cause: 'worker.1 exited with code 2' });
    events.fire({ kind: 'exited', name: 'worker.1', exit: { name: 'worker.1', code: 2, signal: null, stoppedByUs: false } });
    assert.deepEqual(pieces, [
      '09:05:07 web.1    | [started, pid 42]\n',
      '09:05:07 web.1    | listening\n',
      '09:06:08 web.1    | [stopping: worker.1 exited with code 2]\n',
      '09:06:08 worker.1 | [exited with code 2]\n',
    ]);
    assert.equal(out.text(), pieces.slice(2).join(''), 'the oldest lines went (limit 120 characters)');
    out.dispose();
    events.fire({ kind: 'output', name: 'web.1', text: 'after\n' });
    assert.equal(pieces.length, 4, 'nothing after dispose');
  });
});
