import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { LineSplitter } from '../../../../src/infra/process/line-splitter';

function run(chunks: Buffer[], max?: number): string[] {
  const out: string[] = [];
  const s = new LineSplitter((t) => out.push(t.toString('utf8')), max);
  for (const c of chunks) s.push(c);
  s.end();
  return out;
}

describe('infra/process/line-splitter', () => {
  it('carries a partial line over to the next chunk and never merges or splits lines (property)', () => {
    const line = fc.string({ unit: 'grapheme', maxLength: 30 }).map((s) => s.replace(/\n/g, ''));
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 30 }), fc.array(fc.nat(), { maxLength: 20 }), (lines, cuts) => {
      const bytes = Buffer.from(lines.map((l) => l + '\n').join(''), 'utf8');
      // Cut anywhere, even inside a UTF-8 character.
      const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
      const chunks: Buffer[] = [];
      let from = 0;
      for (const p of [...points, bytes.length]) {
        chunks.push(bytes.subarray(from, p));
        from = p;
      }
      const out = run(chunks);
      assert.ok(out.every((t) => t.endsWith('\n')));
      assert.deepEqual(out.join('').split('\n').slice(0, -1), lines);
    }), { numRuns: 300 });
  });

  it('ends a last line that has no line break, and hands on a line past the limit in pieces', () => {
    assert.deepEqual(run([Buffer.from('a\nb')]), ['a\n', 'b\n']);
    assert.deepEqual(run([Buffer.from('xxxx'), Buffer.from('yy\n')], 4), ['xxxx\n', 'yy\n']);
    assert.deepEqual(run([]), []);
  });
});
