// Real Procfiles from public repositories (see test/fixtures/procfiles/SOURCES.md).
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintProcfile } from '../../../../src/core/procfile/lint';

const root = join(__dirname, '../../../fixtures/procfiles');

function fileNameOf(fixture: string): string {
  return 'Procfile' + fixture.slice(fixture.indexOf('.Procfile') + '.Procfile'.length);
}

describe('real Procfiles', () => {
  const valid = readdirSync(join(root, 'real')).filter((f) => f.includes('.Procfile'));

  it('has at least 30 valid real files', () => {
    assert.ok(valid.length >= 30, `${valid.length}`);
  });

  it('valid real files get no errors, and warnings stay rare', () => {
    const warnings: string[] = [];
    for (const f of valid) {
      const problems = lintProcfile(readFileSync(join(root, 'real', f), 'utf8'), { fileName: fileNameOf(f) });
      const errors = problems.filter((p) => p.severity === 'error');
      assert.deepEqual(errors.map((p) => `${p.code}: ${p.message}`), [], f);
      for (const p of problems) if (p.severity === 'warning') warnings.push(`${f} ${p.code}`);
    }
    // Measured: 0 warnings over 41 files. Allow at most one in ten files before calling the rules noisy.
    assert.ok(warnings.length <= valid.length / 10, warnings.join('\n'));
  });

  it('real files with genuine problems get exactly the expected error', () => {
    const expected = JSON.parse(readFileSync(join(root, 'real-broken', 'expected.json'), 'utf8')) as Record<string, string>;
    assert.ok(Object.keys(expected).length >= 5);
    for (const [f, code] of Object.entries(expected)) {
      const errors = lintProcfile(readFileSync(join(root, 'real-broken', f), 'utf8'), { fileName: fileNameOf(f) }).filter((p) => p.severity === 'error');
      assert.deepEqual(errors.map((p) => p.code), [code], f);
    }
  });
});
