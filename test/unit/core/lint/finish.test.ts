import { strict as assert } from 'node:assert';
import { finishProblems, MAX_PROBLEMS } from '../../../../src/core/lint/finish';
import { range, type Problem, type Severity } from '../../../../src/core/lint/types';

const problem = (line: number, severity: Severity = 'warning', message = `p${line}`): Problem =>
  ({ code: 'procfile/x', severity, message, range: range(line, 0, line, 1) });

describe('core/lint/finish: escaped, at most 200 per file', () => {
  it('escapes messages, related messages and fix titles', () => {
    const [p] = finishProblems('procfile', [{
      ...problem(0, 'error', 'bad `we\x1b]0;x\x07b`'),
      related: [{ range: range(1, 0, 1, 1), message: 'first \x9b here' }],
      fixes: [{ title: 'Rename to `a\x1bb`' }],
    }]);
    assert.equal(p.message, 'bad `we\\u001b]0;x\\u0007b`');
    assert.equal(p.related?.[0].message, 'first \\u009b here');
    assert.equal(p.fixes?.[0].title, 'Rename to `a\\u001bb`');
  });

  it('keeps 200 and counts the rest in one info finding, at the first one left out', () => {
    const all = Array.from({ length: 450 }, (_, i) => problem(i));
    const out = finishProblems('appjson', all);
    assert.equal(out.length, MAX_PROBLEMS + 1);
    const last = out[out.length - 1];
    assert.equal(last.code, 'appjson/too-many-problems');
    assert.equal(last.severity, 'info');
    assert.match(last.message, /^250 more problems not shown \(250 warning\)/);
    assert.equal(last.range.start.line, 200);
    assert.equal(finishProblems('appjson', all.slice(0, 200)).length, 200);
  });

  it('keeps the errors when infos come first', () => {
    const all = [...Array.from({ length: 300 }, (_, i) => problem(i, 'info')), problem(300, 'error'), problem(301, 'warning')];
    const out = finishProblems('procfile', all);
    assert.equal(out.length, 201);
    assert.deepEqual(out.slice(0, 200).filter((p) => p.severity !== 'info').map((p) => p.range.start.line), [300, 301]);
    assert.match(out[200].message, /^102 more problems not shown \(102 info\)/);
  });
});
