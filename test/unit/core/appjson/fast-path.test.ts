import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFast } from '../../../../src/core/appjson/fast-path';
import { analyzeAppJson } from '../../../../src/core/appjson/lint';
import { LineIndex } from '../../../../src/core/lint/positions';
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
  it('takes the fast path for any JSON.stringify output (no false "duplicate" fallbacks)', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 3 }), fc.boolean(), (v, pretty) => {
      const text = JSON.stringify(v, null, pretty ? 2 : undefined);
      assert.deepEqual(parseFast(text)?.value, JSON.parse(text), text);
    }), { numRuns: 300 });
  });
  it('gives the same problems as the slow path on the real manifests', () => {
    const dir = join(__dirname, '../../../fixtures/appjson/real');
    const siblings: Record<string, string> = { Procfile: 'web: x\nworker: y\n', 'heroku.yml': 'build:\n  docker:\n    web: Dockerfile\n' };
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    let fastTaken = 0;
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8');
      if (parseFast(text)) fastTaken++;
      const input = { text, readSibling: (n: string) => siblings[n] };
      assert.deepEqual(analyzeAppJson(input), analyzeAppJson(input, { fastPath: false }), f);
    }
    assert.ok(fastTaken >= files.length - 3, `fast path taken for ${fastTaken} of ${files.length}`);
  });
  it('gives the same problems as the slow path on random manifests (pretty, compact, with duplicates spliced in)', () => {
    const key = fc.constantFrom('name', 'env', 'formation', 'addons', 'scripts', 'stack', 'environments', 'image', 'buildpacks', 'success_url', 'pages', 'x');
    const val = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(
      { web: { quantity: 1, size: 'hobby' }, wrker: {} }, { A: { generator: 'uuid', value: 'v', required: true } }, ['a b', { plan: 'p', as: 'X' }, { plan: 'q', as: 'x' }],
      { review: { stack: 'heroku-18' }, production: {} }, 'heroku-18', 'welcome', [{ url: 'heroku/ruby' }]));
    fc.assert(fc.property(fc.dictionary(key, val), fc.boolean(), fc.option(fc.tuple(key, val)), (v, pretty, dup) => {
      let text = JSON.stringify(v, null, pretty ? 2 : undefined);
      if (dup && text.length > 2) text = `{${JSON.stringify(dup[0])}: ${JSON.stringify(dup[1])}, ${text.slice(1)}`;
      const input = { text, readSibling: (n: string) => (n === 'Procfile' ? 'web: x\n' : undefined) };
      assert.deepEqual(analyzeAppJson(input), analyzeAppJson(input, { fastPath: false }), text);
    }), { numRuns: 400 });
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
