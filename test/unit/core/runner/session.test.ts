// The local runner's session on the real supervisor (infra/process, through the same LocalIo the editor gets):
// release first, one process restarted or stopped alone, exits kept, nothing left running after dispose.
import * as assert from 'node:assert/strict';
import type { PlannedProcess } from '../../../../src/core/runner/plan';
import { LocalSession, SCROLLBACK_CHARS, type SessionEvent } from '../../../../src/core/runner/session';
import { createLocalIo } from '../../../../src/infra/process/local-io';
import { FakeClock } from '../../../support/fake-clock';
import { waitUntil } from '../../../support/wait';
import { FIXTURES, NODE, POLL, fixture, liveWithMarker, newMarker } from '../../infra/process/helpers';

const ENV = { PATH: process.env.PATH ?? '/usr/bin:/bin' };

function proc(name: string, command: string, port?: number): PlannedProcess {
  const [type, instance] = name.split('.');
  return { name, type, instance: Number(instance), command, line: 0, port, env: { ...ENV, ...(port ? { PORT: String(port) } : {}) }, runnerVars: {} };
}

describe('core/runner/session (on infra/process)', function () {
  this.timeout(30000);
  let session: LocalSession;
  let events: SessionEvent[];
  let clock: FakeClock;
  let stopAll = false;

  beforeEach(() => {
    clock = new FakeClock();
    stopAll = false;
    session = new LocalSession(createLocalIo(), { clock, graceMs: 1000, stopAllWhenOneExits: () => stopAll });
    events = [];
    session.onEvent((e) => events.push(e));
  });
  afterEach(() => session.dispose());

  it('runs the release phase to its end first, then the processes; output is kept per process', async () => {
    const marker = newMarker();
    const out = await session.run({
      cwd: FIXTURES,
      release: proc('release.1', `echo migrated`),
      processes: [proc('web.1', `${NODE} ${fixture('sleeper.js')} ${marker}`, 5006), proc('worker.1', `${NODE} ${fixture('print-env.js')} PORT --exit=3`)],
    });
    assert.deepEqual(out, { ok: true, run: 1, started: ['release.1', 'web.1', 'worker.1'] });
    const firstWeb = events.findIndex((e) => e.name === 'web.1');
    const releaseExit = events.findIndex((e) => e.name === 'release.1' && e.kind === 'exited');
    assert.ok(releaseExit >= 0 && releaseExit < firstWeb, 'release ended before web started');
    await waitUntil('worker exit and web output', () => session.get('worker.1')?.state === 'exited' && session.scrollback('web.1').includes('ready'), POLL);
    assert.equal(session.scrollback('release.1'), 'migrated\n');
    assert.equal(session.scrollback('worker.1'), '{"PORT":null}\n');
    assert.equal(session.get('worker.1')?.exit?.code, 3);
    assert.equal(session.get('web.1')?.state, 'running', 'a process that exits leaves the others running');
    assert.ok(liveWithMarker(marker).length >= 1, 'web runs');
  });

  it('a failed release phase starts nothing else', async () => {
    const out = await session.run({ cwd: FIXTURES, release: proc('release.1', 'exit 4'), processes: [proc('web.1', 'echo never')] });
    assert.equal(out.ok, false);
    assert.equal(out.ok ? undefined : out.release?.code, 4);
    assert.deepEqual(session.list().map((p) => p.name), ['release.1']);
  });

  it('restarts one process (a new pid, the row says restarting until it runs), stops one, then all; no pid survives', async () => {
    const a = newMarker();
    const b = newMarker();
    await session.run({ cwd: FIXTURES, processes: [proc('web.1', `${NODE} ${fixture('sleeper.js')} ${a}`), proc('worker.1', `${NODE} ${fixture('sleeper.js')} ${b}`)] });
    await waitUntil('both running', () => session.list().every((p) => p.state === 'running' && p.pid), POLL);
    const before = session.get('web.1')!.pid!;
    const states: string[] = [];
    session.onDidChange(() => states.push(session.get('web.1')!.state));
    await session.restart('web.1');
    await waitUntil('web.1 running again', () => session.get('web.1')?.state === 'running', POLL);
    assert.notEqual(session.get('web.1')!.pid, before);
    assert.equal(states[0], 'restarting');
    assert.ok(!states.includes('exited'), `never shown as exited while restarting: ${states.join(',')}`);
    assert.equal(session.get('web.1')!.restarts, 1);
    assert.equal(session.get('web.1')!.lastExit, undefined, 'a restart\'s own stop is not a last exit');
    const kinds = events.filter((e) => e.name === 'web.1' && e.kind !== 'output').map((e) => e.kind);
    assert.deepEqual(kinds, ['started', 'restarting', 'exited', 'started']);
    await session.stop('worker.1');
    assert.equal(session.get('worker.1')?.state, 'exited');
    assert.equal(session.get('worker.1')?.exit?.stoppedByUs, true);
    assert.equal(session.get('web.1')?.state, 'running');
    assert.deepEqual(liveWithMarker(b), []);
    assert.deepEqual(session.busy(['web.1', 'worker.1']), ['web.1']);
    const refused = await session.run({ cwd: FIXTURES, processes: [proc('web.1', 'true')] });
    assert.deepEqual(refused, { ok: false, run: 2, error: 'already running: web.1' });
    await session.stopAll();
    assert.deepEqual(liveWithMarker(a), []);
    await session.restart('worker.1');
    await waitUntil('an exited process starts again', () => session.get('worker.1')?.state === 'running', POLL);
    await session.dispose();
    assert.deepEqual(liveWithMarker(b), [], 'dispose stops what runs');
  });

  it('a process that cannot start is an exit with the reason; remove() forgets a row', async () => {
    await session.run({ cwd: '/nonexistent-hw-folder', processes: [proc('web.1', 'true')] });
    await waitUntil('the spawn failure', () => session.get('web.1')?.state === 'exited', POLL);
    assert.match(session.get('web.1')?.exit?.spawnError ?? '', /does not exist/);
    await session.remove('web.1');
    assert.deepEqual(session.list(), []);
  });

  it('keeps a bounded scrollback, cut at a line start', async () => {
    await session.run({ cwd: FIXTURES, processes: [proc('spam.1', `${NODE} -e "for (let i = 0; i < 30000; i++) console.log('line ' + i)"`)] });
    await waitUntil('spam exit', () => session.get('spam.1')?.state === 'exited', POLL);
    const kept = session.scrollback('spam.1');
    assert.ok(kept.length <= SCROLLBACK_CHARS, `${kept.length}`);
    assert.match(kept, /^line \d+\n/);
    assert.ok(kept.endsWith('line 29999\n'));
  });

  it('a process started now has its start time from the clock; a crash is kept as the last exit across a restart', async () => {
    const a = newMarker();
    await session.run({ cwd: FIXTURES, processes: [proc('web.1', `${NODE} ${fixture('sleeper.js')} ${a}`), proc('worker.1', `${NODE} ${fixture('print-env.js')} PORT --exit=3`)] });
    await waitUntil('web running, worker exited', () => session.get('web.1')?.state === 'running' && session.get('worker.1')?.state === 'exited', POLL);
    assert.equal(session.get('web.1')?.startedAt, clock.now());
    assert.equal(session.get('worker.1')?.startedAt, undefined);
    assert.equal(session.get('worker.1')?.lastExit?.code, 3);
    await clock.advance(90_000);
    assert.equal(session.get('web.1')?.startedAt, clock.now() - 90_000);
    await session.restart('worker.1');
    await waitUntil('worker exited again', () => session.get('worker.1')?.state === 'exited' && session.get('worker.1')!.restarts === 1, POLL);
    assert.equal(session.get('worker.1')?.lastExit?.code, 3);
    assert.equal(session.get('web.1')?.state, 'running', 'keep-running (the default): web outlives the worker');
  });

  it('with stopAllWhenOneExits, a process that ends on its own stops the rest of its run (heroku local), not other runs', async () => {
    stopAll = true;
    const a = newMarker();
    const b = newMarker();
    const other = newMarker();
    await session.run({ cwd: FIXTURES, processes: [proc('other.1', `${NODE} ${fixture('sleeper.js')} ${other}`)] });
    await session.run({ cwd: FIXTURES, processes: [proc('web.1', `${NODE} ${fixture('sleeper.js')} ${a}`), proc('clock.1', `${NODE} ${fixture('sleeper.js')} ${b}`), proc('worker.1', `${NODE} -e "setTimeout(() => process.exit(2), 300)"`)] });
    await waitUntil('worker exited and the others stopped', () => ['web.1', 'clock.1', 'worker.1'].every((n) => session.get(n)?.state === 'exited'), POLL);
    assert.equal(session.get('worker.1')?.exit?.code, 2);
    assert.equal(session.get('web.1')?.exit?.stoppedByUs, true);
    assert.equal(session.get('clock.1')?.exit?.stoppedByUs, true);
    const stopping = events.filter((e) => e.kind === 'stopping');
    assert.deepEqual(stopping.map((e) => e.name).sort(), ['clock.1', 'web.1']);
    assert.match(stopping[0].kind === 'stopping' ? stopping[0].cause ?? '' : '', /^worker\.1 exited with code 2 \(heroku\.local\.stopAllWhenOneExits\)$/);
    assert.deepEqual([...liveWithMarker(a), ...liveWithMarker(b)], []);
    assert.equal(session.get('other.1')?.state, 'running', 'another run keeps running');
    assert.ok(liveWithMarker(other).length >= 1);
  });

  it('stopping one process by hand never stops the others, whatever the setting', async () => {
    stopAll = true;
    const a = newMarker();
    const b = newMarker();
    await session.run({ cwd: FIXTURES, processes: [proc('web.1', `${NODE} ${fixture('sleeper.js')} ${a}`), proc('worker.1', `${NODE} ${fixture('sleeper.js')} ${b}`)] });
    await waitUntil('both running', () => session.list().every((p) => p.state === 'running'), POLL);
    await session.stop('worker.1');
    assert.equal(session.get('worker.1')?.state, 'exited');
    assert.equal(session.get('web.1')?.state, 'running');
    await session.restart('web.1');
    await waitUntil('web.1 running again', () => session.get('web.1')?.state === 'running', POLL);
    assert.equal(session.get('web.1')?.restarts, 1);
  });
});
