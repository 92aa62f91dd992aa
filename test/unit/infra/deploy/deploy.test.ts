// The deploy engine end to end against the fake Heroku: real tarballs, real uploads to its blob URLs, its builds
// and release phases, its output streams (and their faults).
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { runDeploy, type DeployInput } from '../../../../src/core/deploy/deploy';
import { renderEvent } from '../../../../src/core/deploy/render';
import { DeployTracker, type DeployEvent } from '../../../../src/core/deploy/steps';
import { nodeDeployPorts } from '../../../../src/infra/deploy/node-ports';
import type { HerokuClient } from '../../../../src/infra/heroku/client';
import { useFakeHeroku } from '../../../support/use-fake-heroku';

const APP = 'dana-scratch';

describe('deploy against the fake Heroku', function () {
  this.timeout(60_000);
  const heroku = useFakeHeroku({ seed: 'demo' });
  let client: HerokuClient;
  let dir: string;
  before(() => { client = heroku.client().client; });
  beforeEach(() => {
    heroku.fake.state.buildStepMs = 5;
    heroku.fake.state.releasePhaseStepMs = 5;
    dir = mkdtempSync(path.join(tmpdir(), 'hw-deploy-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function write(rel: string, text: string | Buffer): void {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }

  async function deploy(o: Partial<DeployInput> & { onEvent?: (e: DeployEvent) => void } = {}) {
    const tracker = new DeployTracker();
    const events: DeployEvent[] = [];
    let log = '';
    await runDeploy(nodeDeployPorts(() => client), { app: APP, folder: dir, pollMs: 20, retryMs: 20, ...o }, (e) => {
      events.push(e);
      log += renderEvent(e, tracker.apply(e));
      o.onEvent?.(e);
    });
    return { state: tracker.snapshot, events, log, tracker };
  }

  it('a successful deploy ends in a new current release running the uploaded code', async () => {
    write('requirements.txt', 'flask\n');
    write('app.py', 'print("hi")');
    write('Procfile', 'web: gunicorn app:app\nworker: python worker.py\n');
    write('.env', 'SECRET=do-not-upload');
    const before = await client.releases(APP, 1, { cache: false });
    assert.ok(before.ok);
    const { state, log } = await deploy();
    const o = state.outcome;
    assert.ok(o && o.kind === 'succeeded', log);
    const after = await client.releases(APP, 1, { cache: false });
    assert.ok(after.ok);
    assert.equal(after.value[0].version, before.value[0].version + 1);
    assert.equal(after.value[0].current, true);
    assert.deepEqual(o.release, { id: after.value[0].id, version: after.value[0].version });
    assert.match(log, /Python app detected/);
    assert.match(log, /=== Deployed v\d+\. Open the app: https:\/\//);
    assert.match(log, /Not a git repository: the build has no version/);
    assert.match(log, /Never uploaded: \.env/);
    const formation = await client.formation(APP, { cache: false });
    assert.ok(formation.ok);
    assert.deepEqual(formation.value.map((f) => f.type).sort(), ['web', 'worker']);
  });

  it('a failing build shows the failing step, its first error lines and the known cause', async () => {
    write('README.md', 'nothing to build here');
    const { state, log } = await deploy();
    const o = state.outcome;
    assert.ok(o && o.kind === 'failed', log);
    assert.equal(o.step, 'build');
    assert.equal(o.explanation?.cause, 'buildpack-detect');
    assert.ok(o.errorLines.some((l) => /not compatible with buildpack|No default language could be detected/.test(l)), o.errorLines.join('\n'));
    assert.match(log, /=== Failed at "Build"/);
    assert.match(log, /Cause: No buildpack recognised the app\./);
  });

  it('a failing release phase shows its output and leaves the previous release current', async () => {
    write('requirements.txt', 'flask\n');
    write('Procfile', 'web: gunicorn app:app\nrelease: python manage.py migrate && exit 3\n');
    const before = await client.releases(APP, 1, { cache: false });
    assert.ok(before.ok);
    const { state, log, tracker } = await deploy();
    const o = state.outcome;
    assert.ok(o && o.kind === 'failed', log);
    assert.equal(o.step, 'release');
    assert.equal(o.explanation?.cause, 'release-phase');
    assert.ok(tracker.lines('release').length > 0, 'release phase output was shown');
    assert.match(log, /--> Release \(v\d+\)/);
    const after = await client.releases(APP, 2, { cache: false });
    assert.ok(after.ok);
    assert.equal(after.value[0].status, 'failed');
    assert.equal(after.value.find((r) => r.current)?.id, before.value[0].id);
  });

  it('reconnects when the build output stream drops mid-build, without repeating what was shown', async () => {
    write('requirements.txt', 'flask\n');
    heroku.fake.faults.add({ path: '/__output/builds/*', drop: true, afterBytes: 120, times: 1 });
    const { state, log, tracker, events } = await deploy();
    assert.equal(state.outcome?.kind, 'succeeded', log);
    assert.ok(events.some((e) => e.type === 'note' && /stream dropped .*reconnecting \(1\/3\)/.test(e.text)), log);
    assert.ok(events.some((e) => e.type === 'note' && /complete after 1 reconnect/.test(e.text)), log);
    const lines = tracker.lines('build').filter((l) => l.trim());
    assert.equal(new Set(lines).size, lines.length, `a line repeated:\n${lines.join('\n')}`);
    assert.match(log, /-----> Launching\.\.\./);
  });

  it('says so when the stream cannot be reopened, and still reports the build result', async () => {
    write('requirements.txt', 'flask\n');
    heroku.fake.faults.add({ path: '/__output/builds/*', drop: true, afterBytes: 60 });
    const { state, events, log } = await deploy();
    assert.equal(state.outcome?.kind, 'succeeded', log);
    assert.ok(events.some((e) => e.type === 'note' && /could not be reopened after 3 tries/.test(e.text)), log);
  });

  it('an upload cancelled mid-way creates no build', async () => {
    write('requirements.txt', 'flask\n');
    write('big.bin', randomBytes(24 * 1024 * 1024)); // incompressible: the upload takes many writes
    const ac = new AbortController();
    const { state } = await deploy({ signal: ac.signal, onEvent: (e) => { if (e.type === 'progress' && e.done > 0 && e.done < e.total) ac.abort(); } });
    const o = state.outcome;
    assert.ok(o && o.kind === 'cancelled');
    assert.equal(o.step, 'upload');
    assert.match(o.note ?? '', /no build was created/);
    assert.equal(heroku.fake.requests.filter((r) => r.method === 'POST' && /\/builds$/.test(r.path)).length, 0);
    assert.equal(heroku.fake.requests.filter((r) => r.method === 'POST' && /\/sources$/.test(r.path)).length, 1);
    const builds = await client.many('GET', `/apps/${APP}/builds`, (v: unknown) => v, { cache: false });
    assert.ok(builds.ok);
    assert.equal((builds.value as { source_blob: { url: string } }[]).filter((b) => b.source_blob.url.startsWith(heroku.url)).length, 0);
  });
});
