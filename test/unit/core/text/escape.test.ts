import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { escapeControl, hasControl, stringifyJsonSafe } from '../../../../src/core/text/escape';

/** Anything a terminal could act on, as escapeControl defines it. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('core/text/escape', () => {
  it('shows ESC and BEL as \\u001b and \\u0007 (the terminal-title sequence becomes plain text)', () => {
    assert.equal(escapeControl('we\x1b]0;pwned\x07b'), 'we\\u001b]0;pwned\\u0007b');
  });

  it('escapes C0, DEL, C1, bidi overrides and line separators; leaves other text alone', () => {
    assert.equal(escapeControl('a\tb\r\nc\x7f\x9b\u202e\u2028'), 'a\\u0009b\\u000d\\u000ac\\u007f\\u009b\\u202e\\u2028');
    const plain = 'web: node é ✓ 😀 \\x1b';
    assert.equal(escapeControl(plain), plain);
    assert.equal(hasControl(plain), false);
  });

  it('escapes a lone surrogate but keeps a pair', () => {
    assert.equal(escapeControl('a\ud800b\udc00c'), 'a\\ud800b\\udc00c');
    assert.equal(escapeControl('😀'), '😀');
  });

  it('keeps the characters asked for', () => {
    assert.equal(escapeControl('a\tb\x1b', { keep: '\t' }), 'a\tb\\u001b');
  });

  it('never throws and never leaves a control character (any string)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
      const out = escapeControl(s);
      assert.doesNotMatch(out, UNSAFE);
      assert.equal(hasControl(out), false);
      if (!hasControl(s)) assert.equal(out, s);
    }));
    assert.equal(escapeControl(undefined as unknown as string), '');
  });

  it('stringifyJsonSafe: valid JSON that parses back to the same value, with no raw C1 or bidi character', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
      const json = stringifyJsonSafe({ message: s }, 2);
      // Only the line breaks of the indentation are left.
      assert.doesNotMatch(json.replace(/\n/g, ''), UNSAFE);
      assert.deepEqual(JSON.parse(json), { message: s });
    }));
  });
});
