import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { RESET, safeLine, terminalLines, terminalNote } from '../../../../src/core/runner/terminal-text';

describe('core/runner/terminal-text', () => {
  it('keeps SGR colours and shows cursor moves, screen clears and OSC titles as visible escapes', () => {
    const line = '\x1b[32mok\x1b[0m \x1b[2J\x1b[H\x1b]0;pwned\x07 \x9b31m tab\there';
    assert.equal(safeLine(line), '\x1b[32mok\x1b[0m \\u001b[2J\\u001b[H\\u001b]0;pwned\\u0007 \\u009b31m tab\there');
  });

  it('ends lines in CRLF, drops a CR before the line end, escapes a CR inside a line', () => {
    assert.equal(terminalLines('one\r\ntwo\n'), 'one\r\ntwo\r\n');
    assert.equal(terminalLines('10%\r50%\n'), '10%\\u000d50%\r\n');
    assert.equal(terminalLines(''), '');
  });

  it('prefixes each line and resets a coloured line at its end when asked (interleaved output)', () => {
    assert.equal(terminalLines('\x1b[31ma\nb\n', { prefix: 'P ', resetEachLine: true }), `P \x1b[31ma${RESET}\r\nP b\r\n`);
    assert.equal(terminalLines('\x1b[31ma\n'), '\x1b[31ma\r\n', 'one process\'s terminal lets its colour run on');
  });

  it('a note is dimmed after a reset, and escaped', () => {
    assert.equal(terminalNote('exit\x1b[2J'), `${RESET}\x1b[2mexit\\u001b[2J${RESET}\r\n`);
  });

  it('what reaches the terminal has no control character but SGR, tab and the CRLF line ends (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      const out = terminalLines(`${s}\n`);
      // eslint-disable-next-line no-control-regex -- looking for control characters is the test
      const rest = out.replace(/\x1b\[[0-9;:]*m/g, '').replace(/\r\n/g, '').replace(/\t/g, '');
      // eslint-disable-next-line no-control-regex -- same
      assert.doesNotMatch(rest, /[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
      assert.equal(out.split('\r\n').length - 1, s.split('\n').length);
    }), { numRuns: 300 });
  });
});
