import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseFast } from '../../../../src/core/appjson/fast-path';
import { LineIndex } from '../../../../src/core/appjson/positions';
import { codes, lint } from './helpers';

describe('appjson: fast path and positions', () => {
  it('takes the fast path for strict JSON without duplicates', () => {
    assert.ok(parseFast('{"a": {"b": [1, {"c": "x:y"}]}, "d": "\\"e\\": 1"}'));
  });
  it('falls back on duplicates, even hidden behind escaped quotes and colons in strings', () => {
    assert.equal(parseFast('{"a": 1, "a": 2}'), undefined);
    assert.equal(parseFast('{"x\\"": "a:b", "k": {"z": 1, "z": 2}}'), undefined);
    assert.equal(parseFast('{"a\\\\": 1, "a\\\\": 2}'), undefined);
  });
  it('falls back on anything JSON.parse refuses', () => {
    assert.equal(parseFast('{"a": 1,}'), undefined);
    assert.equal(parseFast('// x\n{}'), undefined);
  });
  it('agrees with the slow path on duplicate keys for random objects', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 3 }), (v) => {
      const text = JSON.stringify(v);
      assert.ok(parseFast(text), text);
    }), { numRuns: 300 });
  });
  it('still reports duplicates exactly (through the slow path)', () => {
    assert.deepEqual(codes(lint('{"env": {"A": "1", "A": "2"}}')), ['appjson/duplicate-key']);
  });
  it('maps offsets with LF, CRLF and lone CR line ends', () => {
    const li = new LineIndex('a\r\nbc\rd\ne');
    assert.deepEqual(li.position(0), { line: 0, character: 0 });
    assert.deepEqual(li.position(3), { line: 1, character: 0 });
    assert.deepEqual(li.position(6), { line: 2, character: 0 });
    assert.deepEqual(li.position(8), { line: 3, character: 0 });
  });
});
