// procfile/template-syntax on huge lines: the span finder is linear and finds what the obvious regex finds.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { lintProcfile } from '../../../../src/core/procfile/lint';
import { templateSpans } from '../../../../src/core/procfile/rules/lines';

const TEMPLATE = 'procfile/template-syntax';

function regexSpans(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/\{\{.*?\}\}|\{%.*?%\}|<%.*?%>/g)) out.push(m.index, m.index + m[0].length);
  return out;
}

describe('procfile/template-syntax on long lines', () => {
  it('a 100 KB line of `{{` without `}}` is not template markup', () => {
    const text = `web: ${'{{'.repeat(50_000)}\n`;
    assert.deepEqual(lintProcfile(text).filter((p) => p.code === TEMPLATE), []);
    assert.deepEqual(lintProcfile(`web: ${'{%'.repeat(25_000)}${'<%'.repeat(25_000)}\n`).filter((p) => p.code === TEMPLATE), []);
  });

  it('a 100 KB line of `{{` closed at its very end is one finding from the first `{{`', () => {
    const line = `web: echo ${'{{'.repeat(50_000)} name }}`;
    const found = lintProcfile(`${line}\n`).filter((p) => p.code === TEMPLATE);
    assert.equal(found.length, 1);
    assert.deepEqual(found[0].range, { start: { line: 0, character: 10 }, end: { line: 0, character: line.length } });
    assert.ok(found[0].message.length < 400, 'the message quotes a shortened markup');
  });

  it('thousands of quoted and unquoted markups on one line: only the unquoted ones', () => {
    const line = `web: x${" '{{a}}' {{b}}".repeat(5_000)}`;
    const found = lintProcfile(line).filter((p) => p.code === TEMPLATE);
    assert.equal(found.length, 5_000);
    assert.ok(found.every((p) => line.slice(p.range.start.character, p.range.end.character) === '{{b}}'));
  });

  it('finds the same spans as /\\{\\{.*?\\}\\}|\\{%.*?%\\}|<%.*?%>/g (lines without line terminators)', () => {
    const piece = fc.constantFrom('{{', '}}', '{%', '%}', '<%', '%>', '{', '}', '%', '<', '>', 'a', ' ', "'");
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }).map((p) => p.join('')), (text) => {
      assert.deepEqual(templateSpans(text), regexSpans(text));
    }), { numRuns: 3000 });
  });
});
