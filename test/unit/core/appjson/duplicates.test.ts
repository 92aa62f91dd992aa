// Duplicate keys: JSON.parse and Heroku keep the last copy, so every problem about a value must point at that copy.
import * as assert from 'node:assert/strict';
import { parseTree } from 'jsonc-parser';
import { at } from '../../../../src/core/appjson/nodes';
import { covered, lint } from './helpers';

const lineOf = (text: string, needle: string, from = 0) => text.slice(0, text.indexOf(needle, from)).split('\n').length - 1;

describe('appjson: duplicate keys point at the copy that counts (the last)', () => {
  it('at() walks the last copy at every step', () => {
    const text = '{"a": {"b": 1}, "a": {"b": 2, "c": [3, 4]}}';
    const root = parseTree(text);
    assert.equal(at(root, ['a', 'b'])?.value, 2);
    assert.equal(at(root, ['a', 'c', 1])?.value, 4);
    assert.equal(at(root, ['a', 'x']), undefined);
    assert.equal(at(root, ['a', 'b', 'deeper']), undefined);
  });

  it('a schema error that exists only under the second copy is reported there, not dropped', () => {
    const text = '{\n  "formation": {"web": {"quantity": 1}},\n  "formation": {"web": {"quantity": "two"}}\n}';
    const ps = lint(text).filter((p) => p.code === 'appjson/schema');
    assert.equal(ps.length, 1, JSON.stringify(ps));
    assert.equal(covered(text, ps[0]), '"two"');
    assert.equal(ps[0].range.start.line, 2);
  });

  it('a schema error on a value written twice goes on the last one', () => {
    const text = '{\n  "stack": "heroku-24",\n  "stack": 24\n}';
    const [p] = lint(text).filter((q) => q.code === 'appjson/schema');
    assert.equal(p.range.start.line, 2);
    assert.equal(covered(text, p), '24');
  });

  it('semantic checks use the last copy\'s ranges, in nested duplicates too', () => {
    const text = '{\n  "env": {"A": {"generator": "uuid"}},\n  "env": {"A": {"generator": "secret"}, "B": {"generator": "hex"}}\n}';
    const ps = lint(text).filter((q) => q.code === 'appjson/env-generator');
    assert.equal(ps.length, 1, 'only the effective env is checked');
    assert.equal(ps[0].range.start.line, 2);
    assert.equal(covered(text, ps[0]), '"hex"');
    const stack = '{\n  "stack": "heroku-24",\n  "name": "x",\n  "stack": "heroku-18"\n}';
    const [d] = lint(stack).filter((q) => q.code === 'appjson/deprecated-stack');
    assert.equal(d.range.start.line, lineOf(stack, '"heroku-18"'));
    assert.equal(d.fixes?.[0].edits?.[0].range.start.line, 3, 'the fix edits the copy that counts');
  });

  it('key ranges (onKey, unknown keys in scripts) are on the last copy too', () => {
    const text = '{\n  "scripts": {"postdeploy": "x"},\n  "scripts": {"predeploy": "y"}\n}';
    const [p] = lint(text).filter((q) => q.code === 'appjson/unknown-script');
    assert.equal(p.range.start.line, 2);
    assert.equal(covered(text, p), '"predeploy"');
    const img = '{\n  "image": "a",\n  "image": "b"\n}';
    const [i] = lint(img).filter((q) => q.code === 'appjson/deprecated-image');
    assert.equal(i.range.start.line, 2);
  });
});
