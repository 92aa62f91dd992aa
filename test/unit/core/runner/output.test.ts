import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { linePrefix, prefixLines, sanitizeLine, timeOfDay } from '../../../../src/core/runner/output';
import { describeExit, runExitCode, type ProcessExit } from '../../../../src/core/runner/exit';
import { parseFormation } from '../../../../src/core/runner/formation';

describe('core/runner/output', () => {
  it('prefixes each line of a block with time, padded name and bar', () => {
    const prefix = linePrefix('09:05:01', 'web.1', 8, undefined);
    assert.equal(prefixLines('a\nb\n', prefix, false), '09:05:01 web.1    | a\n09:05:01 web.1    | b\n');
    assert.equal(linePrefix('09:05:01', 'web.1', 5, '35'), '\x1b[3509:05:01 web.1 |\x1b[0m '.replace('\x1b[35', '\x1b[35m'));
    assert.equal(timeOfDay(new Date(2024, 0, 1, 7, 8, 9)), '07:08:09');
  });

  it('keeps colours only when asked, escapes every other control character, drops a CR before the line end', () => {
    const line = '\x1b[31mred\x1b[0m bell\x07 home\x1b[H cr\rx nul\x00 c1\u009b tab\tok\r';
    assert.equal(sanitizeLine(line, true), '\x1b[31mred\x1b[0m bell\\x07 home\\x1b[H cr\\rx nul\\x00 c1\\u009b tab\tok\x1b[0m');
    assert.equal(sanitizeLine(line, false), 'red bell\\x07 home\\x1b[H cr\\rx nul\\x00 c1\\u009b tab\tok');
    assert.equal(sanitizeLine('plain', true), 'plain');
  });

  it('no control character but tab survives sanitizing without colours (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      // eslint-disable-next-line no-control-regex -- looking for control characters is the test
      assert.doesNotMatch(sanitizeLine(s, false), /[\x00-\x08\x0a-\x1f\x7f-\x9f]/);
    }), { numRuns: 300 });
  });

  it('prefixLines makes one output line per input line, whatever the content (property)', () => {
    fc.assert(fc.property(fc.array(fc.string({ unit: 'binary' }).map((s) => s.replace(/\n/g, ''))), (lines) => {
      const out = prefixLines(lines.map((l) => l + '\n').join(''), 'P| ', true);
      assert.equal(out.split('\n').length - 1, lines.length);
      assert.ok(out.split('\n').slice(0, -1).every((l) => l.startsWith('P| ')));
    }), { numRuns: 200 });
  });
});

describe('core/runner/exit', () => {
  const e = (over: Partial<ProcessExit>): ProcessExit => ({ name: 'web.1', code: 0, signal: null, stoppedByUs: false, ...over });

  it('the first process that failed on its own sets the exit code; stops by us do not count', () => {
    assert.equal(runExitCode([e({ code: null, signal: 'SIGTERM', stoppedByUs: true }), e({ code: 3 }), e({ code: 4 })], false), 3);
    assert.equal(runExitCode([e({ code: null, signal: 'SIGKILL' })], false), 137);
    assert.equal(runExitCode([e({ code: 0 }), e({ code: 1, stoppedByUs: true })], false), 0);
    assert.equal(runExitCode([e({ code: null, signal: 'SIGTERM', stoppedByUs: true })], true), 130);
    assert.equal(runExitCode([e({ code: null, spawnError: 'ENOENT' })], false), 127);
  });

  it('describes exits in words', () => {
    assert.equal(describeExit(e({ code: 2 })), 'exited with code 2');
    assert.equal(describeExit(e({ code: null, signal: 'SIGTERM' })), 'killed by SIGTERM');
    assert.equal(describeExit(e({ code: null, signal: 'SIGTERM', stoppedByUs: true })), 'stopped');
    assert.equal(describeExit(e({ code: null, signal: 'SIGTERM', stoppedByUs: true, forced: true })), 'stopped (killed with SIGKILL: still running after the grace period)');
  });
});

describe('core/runner/formation', () => {
  it('reads web=1,worker=2 and names; a repeated type keeps its place and takes the last count', () => {
    assert.deepEqual(parseFormation(' web = 2 , worker,'), { ok: true, items: [{ type: 'web', count: 2 }, { type: 'worker', count: 1 }] });
    assert.deepEqual(parseFormation('web=1,worker=1,web=3'), { ok: true, items: [{ type: 'web', count: 3 }, { type: 'worker', count: 1 }] });
    assert.equal(parseFormation('web=-1').ok, false);
    assert.equal(parseFormation(',').ok, false);
  });
});
