import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../../src/cli/run';
import type { PipelineDiagram, ReleaseTimeline } from '../../../src/shared/pipeline-model';
import { useFakeHeroku } from '../../support/use-fake-heroku';

describe('cli: pipelines info and releases against the fake Heroku', function () {
  this.timeout(20_000);
  const heroku = useFakeHeroku({ seed: 'demo', resetEach: false });
  let home: string;
  before(() => { home = mkdtempSync(join(tmpdir(), 'hw-cli-')); });
  after(() => rmSync(home, { recursive: true, force: true }));

  async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const env = { HOME: home, HEROKU_API_URL: heroku.url, HEROKU_API_KEY: heroku.apiKey };
    const code = await run(argv, { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, cwd: home, env });
    return { code, out, err };
  }

  it('prints the demo pipeline as the diagram sees it (JSON and text)', async () => {
    const j = await cli('pipelines', 'info', 'acme-web', '--json');
    assert.ok(j.code === 0 || j.code === 1, j.err);
    const d = JSON.parse(j.out) as PipelineDiagram;
    assert.equal(d.pipeline.name, 'acme-web');
    const stage = (s: string) => d.columns.find((c) => c.stage === s)?.cards.map((c) => c.name);
    assert.deepEqual(stage('staging'), ['acme-web-staging']);
    assert.deepEqual(stage('production'), ['acme-web-production']);
    assert.ok(stage('review')?.includes('acme-web-pr-128'));
    const staging = d.columns.find((c) => c.stage === 'staging')?.cards[0];
    assert.deepEqual(staging?.promote?.targets.map((t) => t.name), ['acme-web-production']);
    assert.equal(staging?.release?.version, 16);
    const t = await cli('pipelines', 'info', 'acme-web');
    assert.match(t.out, /^=== acme-web/);
    assert.match(t.out, /acme-web-staging {2}v16 succeeded/);
    assert.ok(!t.out.includes(heroku.apiKey) && !j.out.includes(heroku.apiKey), 'the token is never printed');
  });

  it('prints the release timeline, with the failed release and the current marker', async () => {
    const j = await cli('releases', '--app', 'acme-web-production', '--json');
    assert.equal(j.code, 0, j.err);
    const t = JSON.parse(j.out) as ReleaseTimeline;
    assert.equal(t.entries[0].version, 42);
    assert.equal(t.entries[0].current, true);
    assert.equal(t.entries.find((e) => e.version === 40)?.status, 'failed');
    const text = await cli('releases', '--app=acme-web-production');
    assert.match(text.out, /v40 {2}failed {4}deploy/);
  });

  it('says what is wrong: unknown pipeline (exit 1), bad usage (exit 2), no token (exit 2)', async () => {
    const missing = await cli('pipelines', 'info', 'no-such-pipeline');
    assert.equal(missing.code, 1);
    assert.match(missing.out, /could not read pipeline no-such-pipeline/);
    assert.equal((await cli('pipelines', 'show', 'x')).code, 2);
    assert.equal((await cli('releases')).code, 2);
    assert.match((await cli('releases', '--app')).err, /needs an app name/);
    let err = '';
    const code = await run(['releases', '--app', 'x'], { stdout: { write: () => 0 }, stderr: { write: (s: string) => (err += s) }, cwd: home, env: { HOME: home, HEROKU_API_URL: heroku.url } });
    assert.equal(code, 2);
    assert.match(err, /not signed in/);
  });
});
