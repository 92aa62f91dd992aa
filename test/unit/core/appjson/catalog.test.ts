// The rule catalogue (SARIF, docs/RULES.md) lists every code the linters can emit, and the CLI registry runs them.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appJsonRuleInfo } from '../../../../src/core/appjson/rules';
import { herokuYmlRuleInfo } from '../../../../src/core/herokuyml/rules';
import { inputRuleInfo, lintFile, ruleCatalog } from '../../../../src/core/lint/registry';
import { ruleDocLines } from '../../../../src/core/lint/rule-docs';

const root = join(__dirname, '../../../..');

function emitted(dir: string, prefix: string): string[] {
  const codes = new Set<string>();
  for (const f of readdirSync(join(root, dir)).filter((n) => n.endsWith('.ts') && n !== 'rules.ts')) {
    for (const m of readFileSync(join(root, dir, f), 'utf8').matchAll(new RegExp(`'(${prefix}/[a-z-]+)'`, 'g'))) codes.add(m[1]);
  }
  return [...codes].sort();
}

describe('appjson/herokuyml: rule catalogue and registry', () => {
  it('lists every app.json code the sources emit, and no others', () => {
    assert.deepEqual(appJsonRuleInfo().map((r) => r.code).sort(), emitted('src/core/appjson', 'appjson'));
  });
  it('lists every heroku.yml code the sources emit, and no others', () => {
    assert.deepEqual(herokuYmlRuleInfo().map((r) => r.code).sort(), emitted('src/core/herokuyml', 'herokuyml'));
  });
  it('documents every code in docs/RULES.md', () => {
    const rules = readFileSync(join(root, 'docs/RULES.md'), 'utf8');
    const missing = [...appJsonRuleInfo(), ...herokuYmlRuleInfo()].map((r) => r.code).filter((c) => !rules.includes(`\`${c}\``));
    assert.deepEqual(missing, []);
  });
  it('gives every code of every linter a row in docs/RULES.md for the diagnostics\' links', () => {
    const text = readFileSync(join(root, 'docs/RULES.md'), 'utf8');
    const lines = ruleDocLines(text);
    const rows = text.split('\n');
    const codes = Object.values(ruleCatalog).flatMap((info) => (info ? info().map((r) => r.code) : []));
    assert.ok(codes.length > 40, `${codes.length} codes`);
    for (const code of codes) {
      const line = lines.get(code);
      assert.ok(line !== undefined, `${code} has no table row`);
      assert.ok(rows[line].startsWith(`| \`${code}\``), `${code}: line ${line + 1} is ${rows[line]}`);
    }
  });
  it('is wired into the lint registry used by the CLI', () => {
    assert.deepEqual(ruleCatalog.appjson?.(), [...appJsonRuleInfo(), ...inputRuleInfo('appjson')]);
    const siblings: Record<string, string> = { Procfile: 'web: x\n' };
    const ps = lintFile('appjson', { path: 'app.json', text: '{"formation": {"worker": {}}}', readSibling: (n) => siblings[n] });
    assert.deepEqual(ps.map((p) => p.code), ['appjson/formation-not-in-procfile']);
    const ys = lintFile('herokuyml', { path: 'sub/heroku.yaml', text: 'build:\n  docker:\n    web: Dockerfile\n    w: a/Dockerfile\n', readSibling: () => undefined });
    assert.deepEqual(ys.map((p) => p.code), ['herokuyml/file-name', 'herokuyml/missing-dockerfile']);
    assert.deepEqual(lintFile('appjson', { path: 'app.json', text: '{"env": {"A": {"generator": "x"}}}', readSibling: () => undefined },
      { 'appjson/env-generator': 'off' }), []);
  });
});
