// Property tests: the linters never throw, and every range lies inside the text.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { lintAppJson } from '../../../../src/core/appjson/lint';
import type { Problem } from '../../../../src/core/lint/types';

/** Internal errors are the linter's own failures: never acceptable, whatever the input. */
function noInternalError(ps: Problem[]): void {
  assert.ok(!ps.some((p) => p.code === 'appjson/internal-error'), JSON.stringify(ps));
}

function inside(text: string, ps: Problem[]): boolean {
  const lines = text.split(/\r\n|\r|\n/);
  return ps.every((p) => [p.range.start, p.range.end].every((pos) =>
    pos.line >= 0 && pos.line < lines.length && pos.character >= 0 && pos.character <= lines[pos.line].length));
}

const manifestish = fc.dictionary(
  fc.constantFrom('name', 'env', 'formation', 'addons', 'scripts', 'stack', 'environments', 'image', 'buildpacks', 'success_url', 'x'),
  fc.jsonValue({ maxDepth: 3 }),
);

describe('appjson: properties', () => {
  it('never throws on arbitrary text, and ranges stay inside it', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (text) => {
      const ps = lintAppJson({ text, readSibling: () => 'web: x\n' });
      noInternalError(ps);
      assert.ok(inside(text, ps));
    }), { numRuns: 500 });
  });
  it('never throws on JSON shaped like a manifest, and reports no internal errors', () => {
    fc.assert(fc.property(manifestish, fc.boolean(), (value, pretty) => {
      const text = JSON.stringify(value, null, pretty ? 2 : undefined);
      const ps = lintAppJson({ text, readSibling: (n) => (n === 'Procfile' ? 'web: x\n' : undefined) });
      noInternalError(ps);
      assert.ok(inside(text, ps));
      assert.ok(!ps.some((p) => p.code === 'appjson/syntax'));
    }), { numRuns: 400 });
  });
  it('never throws on JSON with duplicate keys spliced into objects, and reports no internal errors', () => {
    fc.assert(fc.property(manifestish, fc.nat(), (value, seed) => {
      const text = JSON.stringify(value, null, 2);
      const braces = [...text.matchAll(/\{/g)].map((m) => m.index);
      const at = braces[seed % Math.max(1, braces.length)] ?? 0;
      const key = ['name', 'env', 'formation', 'A', 'web'][seed % 5];
      const spliced = `${text.slice(0, at + 1)}"${key}": {"quantity": "x", "generator": "uuid"}${text[at + 1] === '}' ? '' : ','}${text.slice(at + 1)}`;
      const ps = lintAppJson({ text: spliced, readSibling: () => 'web: x\n' });
      noInternalError(ps);
      assert.ok(inside(spliced, ps));
    }), { numRuns: 300 });
  });
  it('never throws when a manifest is cut off anywhere', () => {
    const text = '{\n  "name": "x",\n  "env": {"A": {"value": "1", "required": true}},\n  "addons": ["a:b", {"plan": "c", "as": "D"}]\n}';
    fc.assert(fc.property(fc.nat({ max: text.length }), fc.boolean(), (n, editor) => {
      const ps = lintAppJson({ text: text.slice(0, n), readSibling: () => 'web: x\n', skip: editor ? { syntax: true, schema: true } : undefined });
      noInternalError(ps);
      assert.ok(inside(text.slice(0, n), ps));
    }));
  });
});
