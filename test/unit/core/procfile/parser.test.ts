import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { NAME_CLASSIC, NAME_CNB, NAME_WORD, parseProcfile } from '../../../../src/core/procfile/parser';

describe('procfile parser', () => {
  it('parses entries with exact ranges', () => {
    const doc = parseProcfile('web: npm start\n# c\n\nworker:  node w.js\n');
    assert.equal(doc.entries.length, 2);
    const [web, worker] = doc.entries;
    assert.deepEqual([web.name, web.command, web.line], ['web', 'npm start', 0]);
    assert.deepEqual(web.nameRange, { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } });
    assert.deepEqual(web.commandRange, { start: { line: 0, character: 5 }, end: { line: 0, character: 14 } });
    assert.deepEqual([worker.name, worker.command, worker.line, worker.commandRange.start.character], ['worker', 'node w.js', 3, 9]);
    assert.deepEqual(doc.lines.map((l) => l.kind), ['entry', 'comment', 'blank', 'entry']);
    assert.equal(doc.finalNewline, true);
  });

  it('keeps colons inside the command and reports space before the colon', () => {
    const doc = parseProcfile('web : gunicorn -b 0.0.0.0:$PORT app:app');
    assert.equal(doc.entries[0].name, 'web');
    assert.equal(doc.entries[0].spaceBeforeColon, true);
    assert.equal(doc.entries[0].command, 'gunicorn -b 0.0.0.0:$PORT app:app');
    assert.equal(doc.finalNewline, false);
  });

  it('marks lines that are not `name: command` as invalid', () => {
    const doc = parseProcfile('npm start\nweb server: x\n: x\n');
    assert.deepEqual(doc.lines.map((l) => l.kind), ['invalid', 'invalid', 'invalid']);
    assert.equal(doc.entries.length, 0);
  });

  it('handles CRLF, BOM, tabs and empty commands', () => {
    const doc = parseProcfile('\uFEFFweb:\tnpm start\r\nworker:\r\n');
    assert.equal(doc.bom, true);
    assert.equal(doc.crlfCount, 2);
    assert.equal(doc.entries[0].name, 'web');
    assert.equal(doc.entries[0].nameRange.start.character, 1);
    assert.equal(doc.entries[0].command, 'npm start');
    assert.equal(doc.entries[1].command, '');
    assert.equal(doc.lines[0].cr, true);
  });

  it('never throws on empty or odd input', () => {
    assert.equal(parseProcfile('').entries.length, 0);
    assert.equal(parseProcfile('\n\n').lines.length, 2);
    assert.equal(parseProcfile(undefined as unknown as string).entries.length, 0);
    assert.equal(parseProcfile('\u0000:\uD800').entries[0].name, '\u0000');
  });

  it('classifies each name as the three parsers would (nameClass bits = the documented patterns)', () => {
    const expected = (name: string) =>
      (/^[A-Za-z0-9_-]+$/.test(name) ? NAME_CLASSIC : 0) | (/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(name) ? NAME_CNB : 0) | (/^\w+$/.test(name) ? NAME_WORD : 0);
    for (const name of ['web', 'Web', 'web_1', 'web-1', '-web', 'web-', 'w', '9', 'wéb', 'web.1', '_', '-']) {
      assert.equal(parseProcfile(`${name}: x`).entries[0].nameClass, expected(name), name);
    }
    const nameChar = fc.constantFrom(...'abzAZ09_-.é$'.split(''));
    fc.assert(fc.property(fc.array(nameChar, { minLength: 1, maxLength: 12 }).map((cs) => cs.join('')), fc.boolean(), (name, bom) => {
      const e = parseProcfile(`${bom ? '\uFEFF' : ''}${name}: run`).entries[0];
      assert.equal(e.name, name);
      assert.equal(e.nameClass, expected(name));
    }), { numRuns: 2000 });
  });
});
