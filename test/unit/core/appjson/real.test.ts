// Real manifests from public repositories (test/fixtures/appjson/real/SOURCES.md).
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeAppJson } from '../../../../src/core/appjson/lint';

const dir = join(__dirname, '../../../fixtures/appjson/real');
const FOREIGN = ['0-ng__wxapp_TODO.json', 'EDGZTNSR__IntroductionToAL__Example01.json', '0000aditya0000__eventxui.json'];
/** Known-invalid manifests and the errors they must get. */
const INVALID: Record<string, string[]> = {
  // Its schema problems are not reported after the syntax error (the parser's recovery is a guess).
  'heroku__python-getting-started.json': ['appjson/syntax'],
  'chatwoot__chatwoot.json': ['appjson/duplicate-key'],
  'posthog__posthog.json': ['appjson/schema'],
};

describe('appjson: real manifests', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  it('has about 25 of them', () => assert.ok(files.length >= 25, String(files.length)));
  for (const f of files) {
    it(f, () => {
      const r = analyzeAppJson({ text: readFileSync(join(dir, f), 'utf8') });
      if (FOREIGN.includes(f)) {
        assert.ok(r.foreign, 'should be recognised as not Heroku\'s');
        assert.deepEqual(r.problems, []);
        return;
      }
      assert.equal(r.foreign, undefined);
      const errors = r.problems.filter((p) => p.severity === 'error').map((p) => p.code).sort();
      assert.deepEqual(errors, (INVALID[f] ?? []).slice().sort(), JSON.stringify(r.problems, null, 1));
    });
  }
  it('the chatwoot duplicate is the second "stack"', () => {
    const text = readFileSync(join(dir, 'chatwoot__chatwoot.json'), 'utf8');
    const [p] = analyzeAppJson({ text }).problems.filter((q) => q.code === 'appjson/duplicate-key');
    assert.equal(text.split('\n')[p.range.start.line].trim(), '"stack": "heroku-24",');
    assert.equal(p.related?.[0].range.start.line, text.split('\n').findIndex((l) => l.includes('"stack"')));
  });
});
