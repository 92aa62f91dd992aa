import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { linePrefix, plainBytes as plainMemory, prefixLines, sanitizeLine, timeOfDay } from '../../../../src/core/runner/output';
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

/** The byte path over `lines` placed at `from` in its memory after the prefix; the output at `at`, bounded by `room`
 *  bytes. The output's bytes, or -1. */
function plainBytes(lines: Uint8Array, prefix: string, o: { from?: number; at?: number; room?: number } = {}): Buffer | -1 {
  const p = Buffer.from(prefix);
  const at = o.at ?? 0;
  const end = at + (o.room ?? lines.length * (p.length + 1) + 1);
  const from = end + p.length + (o.from ?? 0);
  const memory = plainMemory(from + lines.length + 3);
  assert.ok(memory, 'WebAssembly with SIMD is there (node 20)');
  const buf = memory.bytes;
  buf.fill(0x2a);
  buf.set(p, end);
  buf.set(lines, from);
  const r = memory.prefix({ prefixAt: end, prefixEnd: end + p.length, from, to: from + lines.length, at, end });
  if (r === -1) return -1;
  assert.deepEqual(Buffer.from(buf.subarray(from, from + lines.length)), Buffer.from(lines), 'the input is left as it was');
  return Buffer.from(buf.subarray(at, r));
}

describe('core/runner/output: plainBytes (the byte path, plain-prefix.wat)', () => {
  it('prefixes lines of printable ASCII and tabs as bytes, at any alignment', () => {
    for (let from = 0; from < 8; from++) {
      for (const text of ['a\n', 'hello world\n\tindented\n\n', 'x'.repeat(37) + '\n' + 'y'.repeat(3) + '\n']) {
        assert.equal(String(plainBytes(Buffer.from(text), 'P | ', { from, at: from })), prefixLines(text, 'P | ', false), `${JSON.stringify(text)} at ${from}`);
      }
    }
    assert.equal(String(plainBytes(Buffer.alloc(0), 'P | ')), '');
  });

  it('leaves to prefixLines every block with a control character, colour, CR, DEL or a non-ASCII byte', () => {
    for (const text of ['a\x1b[31mred\x1b[0m\n', 'bell\x07\n', 'crlf\r\n', 'nul\x00\n', 'del\x7f\n', 'caf\u00e9\n', 'c1 \u009b\n', 'check \u2713\n', 'fine\nthen \x1b\n']) {
      assert.equal(plainBytes(Buffer.from(text), 'P | '), -1, JSON.stringify(text));
    }
    assert.equal(plainBytes(new Uint8Array([0x61, 0xff, 0x0a]), 'P | '), -1, 'not UTF-8 at all');
    assert.equal(plainBytes(Buffer.from('a\nno end'), 'P | '), -1, 'a last line without its line feed');
  });

  it('gives up when the output would pass its end, or a region lies outside its memory; it never throws', () => {
    assert.equal(String(plainBytes(Buffer.from('ab\ncd\n'), 'P|', { room: 10 })), 'P|ab\nP|cd\n');
    assert.equal(plainBytes(Buffer.from('ab\ncd\n'), 'P|', { room: 9 }), -1);
    const long = Buffer.from(('x'.repeat(20) + '\n').repeat(4)); // past the 16-byte steps too
    assert.equal(String(plainBytes(long, 'P|', { room: 92 })), prefixLines(long.toString(), 'P|', false));
    assert.equal(plainBytes(long, 'P|', { room: 91 }), -1);
    const m = plainMemory(100)!;
    const size = m.bytes.length;
    for (const l of [
      { prefixAt: 0, prefixEnd: 2, from: 10, to: size + 1, at: 20, end: 30 },
      { prefixAt: 0, prefixEnd: 2, from: 10, to: 12, at: 20, end: size + 16 },
      { prefixAt: -1, prefixEnd: 2, from: 10, to: 12, at: 20, end: 30 },
      { prefixAt: 0, prefixEnd: 2, from: 12, to: 10, at: 20, end: 30 },
      { prefixAt: 0, prefixEnd: 2, from: 10.5, to: 12, at: 20, end: 30 },
    ]) assert.equal(m.prefix(l), -1, JSON.stringify(l));
  });

  it('is prefixLines, byte for byte, on whatever it does not leave to prefixLines (property)', () => {
    const byte = fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.constantFrom(0x09, 0x0a), fc.integer({ min: 0, max: 0xff }));
    fc.assert(fc.property(fc.array(byte, { maxLength: 300 }), fc.nat(31), fc.boolean(), (bytes, from, colour) => {
      const lines = Uint8Array.from([...bytes, 0x0a]);
      const plain = lines.every((b) => (b >= 0x20 && b < 0x7f) || b === 0x09 || b === 0x0a);
      const out = plainBytes(lines, '\x1b[35m12:00:00 web.1 |\x1b[0m ', { from });
      if (!plain) return assert.equal(out, -1);
      assert.notEqual(out, -1);
      assert.equal(String(out), prefixLines(Buffer.from(lines).toString('utf8'), '\x1b[35m12:00:00 web.1 |\x1b[0m ', colour));
    }), { numRuns: 500 });
  });

  it('runs the WebAssembly assembled from plain-prefix.wat as it is now', function () {
    this.timeout(20_000);
    const r = spawnSync(process.execPath, [join(__dirname, '../../../../scripts/gen-wasm.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
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
