import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { decodeLintBytes, invalidUtf8Offset, textInputProblem } from '../../../../src/core/lint/input';

const bytes = (...xs: (number | string)[]) => Uint8Array.from(xs.flatMap((x) => (typeof x === 'string' ? [...Buffer.from(x, 'utf8')] : [x])));

describe('core/lint/input: is the file UTF-8 text?', () => {
  it('finds the first byte that is not well-formed UTF-8 (overlong, surrogate, too high, cut short)', () => {
    assert.equal(invalidUtf8Offset(bytes('web: é ✓ 😀\n')), -1);
    assert.equal(invalidUtf8Offset(bytes('ab', 0xc0, 0x80)), 2); // overlong NUL
    assert.equal(invalidUtf8Offset(bytes('a', 0xe0, 0x80, 0x80)), 1); // overlong 3-byte
    assert.equal(invalidUtf8Offset(bytes(0xed, 0xa0, 0x80)), 0); // a surrogate
    assert.equal(invalidUtf8Offset(bytes(0xf4, 0x90, 0x80, 0x80)), 0); // above U+10FFFF
    assert.equal(invalidUtf8Offset(bytes('abc', 0xe2, 0x9c)), 3); // cut short at the end
    assert.equal(invalidUtf8Offset(bytes('x', 0x80)), 1); // a lone continuation byte
    assert.equal(invalidUtf8Offset(bytes('caf', 0xe9)), 3); // Latin-1 é
  });

  it('agrees with a strict decoder on random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (b) => {
      let ok = true;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(b);
      } catch {
        ok = false;
      }
      assert.equal(invalidUtf8Offset(b) < 0, ok);
    }));
  });

  it('decodes UTF-8 (a UTF-8 byte order mark is kept, for procfile/bom)', () => {
    assert.deepEqual(decodeLintBytes('procfile', bytes(0xef, 0xbb, 0xbf, 'web: x\n')), { ok: true, text: '\ufeffweb: x\n' });
  });

  it('says where the first bad byte is: byte offset, line and column', () => {
    const r = decodeLintBytes('procfile', bytes('web: x\nworker: caf', 0xe9, '\n'));
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.equal(r.problem.code, 'procfile/encoding');
    assert.equal(r.problem.severity, 'error');
    assert.match(r.problem.message, /byte 0xE9 at byte offset 18 \(line 2\) is not valid UTF-8/);
    assert.deepEqual(r.problem.range, { start: { line: 1, character: 11 }, end: { line: 1, character: 12 } });
  });

  it('names UTF-16 by its byte order mark, and calls a NUL binary', () => {
    const u16 = decodeLintBytes('appjson', Uint8Array.from(Buffer.from('\ufeff{"name": "x"}', 'utf16le')));
    assert.ok(!u16.ok && /UTF-16 byte order mark 0xFF 0xFE/.test(u16.problem.message) && u16.problem.code === 'appjson/encoding');
    const nul = decodeLintBytes('herokuyml', bytes('build:\n  ', 0, 'x'));
    assert.ok(!nul.ok && /NUL byte at byte offset 9 \(line 2\)/.test(nul.problem.message));
  });

  it('in decoded text: a U+FFFD or NUL is the sign, with its line and column', () => {
    assert.equal(textInputProblem('procfile', 'web: node é\n'), undefined);
    const p = textInputProblem('procfile', 'web: x\nworker: caf\ufffd\n');
    assert.match(p?.message ?? '', /U\+FFFD replacement character at line 2, column 12/);
    assert.match(textInputProblem('procfile', 'a\0b')?.message ?? '', /NUL character at line 1, column 2/);
  });
});

describe('core/lint/input: size limit', () => {
  it('lints up to the limit and not past it, with one warning that gives both sizes', () => {
    assert.equal(textInputProblem('herokuyml', 'a'.repeat(64 * 1024)), undefined);
    const p = textInputProblem('herokuyml', 'a'.repeat(64 * 1024 + 1));
    assert.equal(p?.code, 'herokuyml/too-large');
    assert.equal(p?.severity, 'warning');
    assert.match(p?.message ?? '', /^This file is 65 KB; files over 64 KB are not checked/);
    const big = decodeLintBytes('procfile', new Uint8Array(2 * 1024 * 1024).fill(0x61));
    assert.ok(!big.ok && /^This file is 2\.0 MB; files over 1\.0 MB/.test(big.problem.message));
  });
});
