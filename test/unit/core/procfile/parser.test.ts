import { strict as assert } from 'node:assert';
import { parseProcfile } from '../../../../src/core/procfile/parser';

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
});
