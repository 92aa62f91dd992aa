// heroku.lint.rules values are checked when used: aliases map to a level, anything else is ignored (and listed).
import { strict as assert } from 'node:assert';
import { overrideLevel, parseRuleOverrides } from '../../../../src/core/lint/overrides';
import { applyOverrides, range, type Problem, type RuleOverrides } from '../../../../src/core/lint/types';
import { lintProcfile } from '../../../../src/core/procfile/lint';

const problem = (code: string): Problem => ({ code, severity: 'error', message: 'm', range: range(0, 0, 0, 1) });

describe('lint rule overrides (heroku.lint.rules)', () => {
  it('accepts the five levels in any case and the aliases warn and information', () => {
    assert.deepEqual(['error', 'Warning', ' info ', 'HINT', 'off', 'warn', 'information'].map(overrideLevel), ['error', 'warning', 'info', 'hint', 'off', 'warning', 'info']);
    for (const bad of ['loud', '', 'errors', 3, null, undefined, {}, 'constructor', '__proto__']) assert.equal(overrideLevel(bad), undefined, String(bad));
  });

  it('keeps the valid entries of a setting and lists the others', () => {
    const parsed = parseRuleOverrides({ 'procfile/fixed-port': 'warn', 'procfile/crlf': 'loud', 'procfile/bom': 2, 'appjson/schema': 'off' });
    assert.deepEqual(parsed.overrides, { 'procfile/fixed-port': 'warning', 'appjson/schema': 'off' });
    assert.deepEqual(parsed.invalid, ['"procfile/crlf": "loud" (not error, warning, info, hint or off)', '"procfile/bom": 2 (not error, warning, info, hint or off)']);
    assert.deepEqual(parseRuleOverrides(undefined), { overrides: {}, invalid: [] });
    assert.equal(parseRuleOverrides('off').invalid.length, 1);
    assert.equal(parseRuleOverrides(['off']).invalid.length, 1);
  });

  it('applyOverrides never produces a severity that is not a level', () => {
    const raw = { a: 'warn', b: 'loud', c: 'off' } as unknown as RuleOverrides;
    const out = applyOverrides([problem('a'), problem('b'), problem('c'), problem('d')], raw);
    assert.deepEqual(out.map((p) => [p.code, p.severity]), [['a', 'warning'], ['b', 'error'], ['d', 'error']]);
    const lint = lintProcfile('web: rails s -p 3000\n', { overrides: { 'procfile/fixed-port': 'warn' } as unknown as RuleOverrides });
    assert.deepEqual(lint.map((p) => p.severity), ['warning']);
  });
});
