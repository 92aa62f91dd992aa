import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintHerokuYml } from '../../../../src/core/herokuyml/lint';
import { processTypesFromHerokuYml } from '../../../../src/core/herokuyml/process-types';

const dir = join(__dirname, '../../../fixtures/herokuyml/real');

describe('herokuyml: real files', () => {
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.yml'))) {
    it(`${f} has no errors`, () => {
      const ps = lintHerokuYml({ text: readFileSync(join(dir, f), 'utf8'), fileExists: () => true });
      assert.deepEqual(ps.filter((p) => p.severity === 'error'), []);
    });
  }
  it('reads process types from build and run', () => {
    assert.deepEqual(processTypesFromHerokuYml(readFileSync(join(dir, '1Danish-00__Ultroid.yml'), 'utf8')), ['web', 'worker']);
  });
});

describe('herokuyml: properties', () => {
  it('never throws on arbitrary text, and ranges stay inside it', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (text) => {
      const ps = lintHerokuYml({ text, readSibling: () => 'web: x\n', fileExists: () => false });
      const lines = text.split(/\r\n|\r|\n/);
      assert.ok(ps.every((p) => p.range.start.line < lines.length && p.range.end.line < lines.length));
      assert.ok(!ps.some((p) => p.code === 'herokuyml/internal-error'), JSON.stringify(ps));
    }), { numRuns: 500 });
  });
  it('never throws on YAML-shaped values', () => {
    const value = fc.dictionary(fc.constantFrom('setup', 'build', 'release', 'run', 'x'), fc.jsonValue({ maxDepth: 3 }));
    fc.assert(fc.property(value, (v) => {
      const text = JSON.stringify(v); // JSON is YAML
      const ps = lintHerokuYml({ text, fileExists: () => true });
      assert.ok(!ps.some((p) => p.code === 'herokuyml/internal-error'), JSON.stringify(ps));
    }), { numRuns: 300 });
  });
});
