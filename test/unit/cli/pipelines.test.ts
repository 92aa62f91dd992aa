import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './helpers';
import type { PipelineDiagram, ReleaseTimeline } from '../../../src/shared/pipeline-model';
import { useFakeHeroku } from '../../support/use-fake-heroku';

describe('cli: pipelines info and releases against the fake Heroku', function () {
  this.timeout(20_000);
  const heroku = useFakeHeroku({ seed: 'demo', resetEach: false });
  let home: string;
  before(() => { home = mkdtempSync(join(tmpdir(), 'hw-cli-')); });
  after(() => rmSync(home, { recursive: true, force: true }));

  const cli = (...argv: string[]) => runCli(argv, { cwd: home, env: { HOME: home, HEROKU_API_URL: heroku.url, HEROKU_API_KEY: heroku.apiKey } });

  it('prints the demo pipeline as the diagram sees it (JSON and text)', async () => {
    const j = await cli('pipelines', 'info', 'acme-web', '--json');
    assert.ok(j.code === 0 || j.code === 1, j.stderr);
    const d = JSON.parse(j.stdout) as PipelineDiagram;
    assert.equal(d.pipeline.name, 'acme-web');
    const stage = (s: string) => d.columns.find((c) => c.stage === s)?.cards.map((c) => c.name);
    assert.deepEqual(stage('staging'), ['acme-web-staging']);
    assert.deepEqual(stage('production'), ['acme-web-production']);
    assert.ok(stage('review')?.includes('acme-web-pr-128'));
    const staging = d.columns.find((c) => c.stage === 'staging')?.cards[0];
    assert.deepEqual(staging?.promote?.targets.map((t) => t.name), ['acme-web-production']);
    assert.equal(staging?.release?.version, 16);
    const t = await cli('pipelines', 'info', 'acme-web');
    assert.match(t.stdout, /^=== acme-web/);
    assert.match(t.stdout, /acme-web-staging {2}v16 succeeded/);
    assert.ok(!t.stdout.includes(heroku.apiKey) && !j.stdout.includes(heroku.apiKey), 'the token is never printed');
  });

  it('prints the release timeline, with the failed release and the current marker', async () => {
    const j = await cli('releases', '--app', 'acme-web-production', '--json');
    assert.equal(j.code, 0, j.stderr);
    const t = JSON.parse(j.stdout) as ReleaseTimeline;
    assert.equal(t.entries[0].version, 42);
    assert.equal(t.entries[0].current, true);
    assert.equal(t.entries.find((e) => e.version === 40)?.status, 'failed');
    const text = await cli('releases', '--app=acme-web-production');
    assert.match(text.stdout, /v40 {2}failed {4}deploy/);
  });

  it('says what is wrong: unknown pipeline (exit 1), bad usage (exit 2), no token (exit 2)', async () => {
    const missing = await cli('pipelines', 'info', 'no-such-pipeline');
    assert.equal(missing.code, 1);
    assert.match(missing.stdout, /could not read pipeline no-such-pipeline/);
    assert.equal((await cli('pipelines', 'show', 'x')).code, 2);
    assert.equal((await cli('releases')).code, 2);
    assert.match((await cli('releases', '--app')).stderr, /needs an app name/);
    const unsigned = await runCli(['releases', '--app', 'x'], { cwd: home, env: { HOME: home, HEROKU_API_URL: heroku.url } });
    assert.equal(unsigned.code, 2);
    assert.match(unsigned.stderr, /not signed in/);
  });
});
