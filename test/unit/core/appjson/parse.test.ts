import * as assert from 'node:assert/strict';
import { lintAppJson } from '../../../../src/core/appjson/lint';
import { codes, covered, lint } from './helpers';

describe('appjson: strict JSON', () => {
  it('accepts plain strict JSON without problems', () => {
    assert.deepEqual(lint('{\n  "name": "ok",\n  "env": {"A": "b"}\n}\n'), []);
  });

  it('reports a comment with its exact range and a removal fix', () => {
    const text = '{\n  // note\n  "name": "x"\n}';
    const [p] = lint(text).filter((q) => q.code === 'appjson/comment');
    assert.equal(p.severity, 'error');
    assert.equal(covered(text, p), '// note');
    assert.deepEqual(p.fixes?.[0].edits?.[0], { range: p.range, newText: '' });
  });

  it('reports a block comment too', () => {
    assert.ok(codes(lint('{ /* x */ "name": "y" }')).includes('appjson/comment'));
  });

  it('reports a trailing comma on the comma, with a preferred fix (the Dev Center example has one)', () => {
    const text = '{\n  "scripts": {\n    "postdeploy": "bundle exec rake bootstrap",\n  }\n}';
    const ps = lint(text).filter((q) => q.code === 'appjson/trailing-comma');
    assert.equal(ps.length, 1);
    assert.equal(covered(text, ps[0]), ',');
    assert.equal(ps[0].range.start.line, 2);
    assert.equal(ps[0].fixes?.[0].isPreferred, true);
  });

  it('does not call a comma between entries trailing', () => {
    assert.ok(!codes(lint('{"a": [1, 2], "name": "x"}')).includes('appjson/trailing-comma'));
  });

  it('reports a missing comma at the next entry', () => {
    const text = '{\n  "name": "x"\n  "description": "y"\n}';
    const ps = lint(text).filter((q) => q.code === 'appjson/syntax');
    assert.equal(ps.length, 1);
    assert.match(ps[0].message, /comma/i);
    assert.equal(ps[0].range.start.line, 2);
  });

  it('reports duplicate keys on the second one, pointing back at the first', () => {
    const text = '{\n  "stack": "heroku-22",\n  "name": "x",\n  "stack": "heroku-24"\n}';
    const [p] = lint(text).filter((q) => q.code === 'appjson/duplicate-key');
    assert.equal(p.range.start.line, 3);
    assert.equal(covered(text, p), '"stack"');
    assert.equal(p.related?.[0].range.start.line, 1);
  });

  it('finds duplicates in nested objects, not across different objects', () => {
    assert.deepEqual(codes(lint('{"env": {"A": "1", "A": "2"}}')).filter((c) => c === 'appjson/duplicate-key').length, 1);
    assert.ok(!codes(lint('{"env": {"A": "1"}, "formation": {"A": {"quantity": 1}}}')).includes('appjson/duplicate-key'));
  });

  it('reports an empty file', () => {
    assert.deepEqual(codes(lint('   \n')), ['appjson/syntax']);
  });

  it('can leave syntax errors to the editor JSON service but keeps duplicate keys', () => {
    const text = '{\n  // c\n  "name": "a",\n  "name": "b",\n}';
    const got = codes(lintAppJson({ text, skip: { syntax: true, schema: true } }));
    assert.deepEqual(got, ['appjson/duplicate-key']);
  });
});
