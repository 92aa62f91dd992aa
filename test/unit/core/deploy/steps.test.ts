import * as assert from 'node:assert/strict';
import { explainFailure, explainNoWeb, firstErrorLines } from '../../../../src/core/deploy/explain';
import { DeployTracker } from '../../../../src/core/deploy/steps';
import { printable } from '../../../../src/core/deploy/text';
import { sourceVersion } from '../../../../src/core/deploy/version';

describe('core/deploy: steps, explanations, version', () => {
  it('moves through the steps and ends succeeded; later events change nothing', () => {
    const t = new DeployTracker();
    t.apply({ type: 'step', step: 'pack', status: 'running' });
    t.apply({ type: 'step', step: 'upload', status: 'running' });
    t.apply({ type: 'progress', step: 'upload', done: 50, total: 100 });
    assert.equal(t.snapshot.steps.lint.status, 'skipped');
    assert.equal(t.snapshot.steps.pack.status, 'done');
    assert.deepEqual(t.snapshot.steps.upload.progress, { done: 50, total: 100 });
    t.apply({ type: 'step', step: 'build', status: 'running' });
    t.apply({ type: 'output', step: 'build', text: '-----> Build' });
    t.apply({ type: 'output', step: 'build', text: 'ing\n-----> Done\n' });
    assert.deepEqual(t.lines('build'), ['-----> Building', '-----> Done']);
    t.apply({ type: 'succeeded', release: { id: 'r', version: 7 }, webUrl: 'https://x', buildId: 'b' });
    assert.equal(t.snapshot.steps.release.status, 'skipped');
    assert.equal(t.snapshot.outcome?.kind, 'succeeded');
    t.apply({ type: 'failed', step: 'build', message: 'late' });
    assert.equal(t.snapshot.outcome?.kind, 'succeeded');
  });

  it('a failing build names its step, its first error lines and the known cause', () => {
    const t = new DeployTracker();
    t.apply({ type: 'step', step: 'build', status: 'running' });
    t.apply({ type: 'output', step: 'build', text: '-----> Building on the Heroku-24 stack\n !     No default language could be detected for this app.\n\u001b[1m !     Push rejected\u001b[0m\n' });
    t.apply({ type: 'failed', step: 'build', message: 'The build failed.' });
    const o = t.snapshot.outcome;
    assert.ok(o && o.kind === 'failed');
    assert.equal(o.step, 'build');
    assert.equal(o.explanation?.cause, 'buildpack-detect');
    assert.deepEqual(o.errorLines, ['-----> Building on the Heroku-24 stack', ' !     No default language could be detected for this app.', ' !     Push rejected']);
  });

  it('explains a release phase failure with its exit code, and a missing Procfile', () => {
    const rel = explainFailure({ step: 'release', lines: ['Running migrations', 'release command exited with status 3'], message: 'x' });
    assert.equal(rel?.cause, 'release-phase');
    assert.match(rel?.title ?? '', /exit code 3/);
    assert.equal(explainFailure({ step: 'build', lines: ['ERROR: no Procfile found'], message: '' })?.cause, 'missing-procfile');
    assert.equal(explainFailure({ step: 'upload', lines: [], message: '' }), undefined);
    assert.equal(explainNoWeb(['worker'])?.cause, 'no-web-process');
    assert.equal(explainNoWeb(['web', 'worker']), undefined);
    assert.deepEqual(firstErrorLines(['a', 'b', 'c']), ['a', 'b', 'c']);
  });

  it('uses the commit as the version only for a clean tree, and says why otherwise', () => {
    const sha = 'a'.repeat(40);
    assert.deepEqual(sourceVersion({ repo: true, head: sha, branch: 'main', subject: 'Fix', changed: [] }),
      { version: sha, description: 'aaaaaaa: Fix', dirty: false });
    const dirty = sourceVersion({ repo: true, head: sha, branch: 'main', subject: 'Fix', changed: ['a.js', 'b.js'] });
    assert.equal(dirty.version, undefined);
    assert.equal(dirty.dirty, true);
    assert.match(dirty.note ?? '', /^Dirty: 2 uncommitted changes \(a\.js, b\.js\)/);
    assert.match(sourceVersion({ repo: false }).note ?? '', /Not a git repository/);
  });

  it('makes output printable: no ANSI, no raw control characters', () => {
    assert.equal(printable('\u001b[31mred\u001b[0m\r\nbell\u0007 \u001b]0;title\u0007ok'), 'red\nbell\\x07 ok');
  });
});
