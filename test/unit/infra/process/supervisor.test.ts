import * as assert from 'node:assert/strict';
import { ProcessSupervisor, type ProcessSpec, type SupervisorOptions } from '../../../../src/infra/process/supervisor';
import { FIXTURES, NODE, Recorder, fixture, liveWithMarker, newMarker, POLL } from './helpers';
import { waitUntil } from '../../../support/wait';

const ENV = { PATH: process.env.PATH ?? '/usr/bin:/bin' };

function spec(id: string, command: string, env: Record<string, string> = {}): ProcessSpec {
  return { id, command, env: { ...ENV, ...env }, cwd: FIXTURES };
}

describe('infra/process/supervisor', function () {
  this.timeout(30000);
  let sup: ProcessSupervisor | undefined;
  let rec: Recorder;

  function make(options: SupervisorOptions = {}): ProcessSupervisor {
    rec = new Recorder();
    sup = new ProcessSupervisor(rec, { graceMs: 1000, ...options });
    return sup;
  }

  afterEach(async () => {
    await sup?.dispose();
    sup = undefined;
  });

  it('hands over whole lines from stdout and stderr, a line written in pieces once, a last line without \\n too', async () => {
    const s = make();
    // The first line arrives in two writes 100 ms apart; the last one has no line break.
    s.start(spec('a.1', `printf 'one\\ntw'; sleep 0.1; printf 'o\\nthree\\n'; echo err >&2; printf 'last'`));
    await s.idle();
    assert.equal(rec.text('a.1'), 'one\ntwo\nthree\nerr\nlast\n');
    assert.ok(rec.chunks.every(([, , text]) => text.endsWith('\n')), 'every block is whole lines');
    assert.deepEqual(rec.chunks.filter(([, st]) => st === 'stderr').map(([, , t]) => t), ['err\n']);
    assert.deepEqual(rec.exitOf('a.1'), { id: 'a.1', pid: rec.starts[0][1], code: 0, signal: null, stoppedByUs: false });
  });

  it('gives each process its own environment and reports exit codes', async () => {
    const s = make({ onExit: 'keep-running' });
    s.start(spec('web.1', `${NODE} ${fixture('print-env.js')} PORT DYNO --exit=3`, { PORT: '5006', DYNO: 'web.1' }));
    s.start(spec('worker.1', `${NODE} ${fixture('print-env.js')} PORT DYNO`, { PORT: '5106', DYNO: 'worker.1' }));
    await s.idle();
    assert.deepEqual(JSON.parse(rec.text('web.1')), { PORT: '5006', DYNO: 'web.1' });
    assert.deepEqual(JSON.parse(rec.text('worker.1')), { PORT: '5106', DYNO: 'worker.1' });
    assert.equal(rec.exitOf('web.1')?.code, 3);
    assert.equal(rec.exitOf('worker.1')?.code, 0);
  });

  it('sets FORCE_COLOR when asked, unless NO_COLOR is set', async () => {
    const s = make({ onExit: 'keep-running', forceColor: true });
    s.start(spec('a.1', `${NODE} ${fixture('print-env.js')} FORCE_COLOR`));
    s.start(spec('b.1', `${NODE} ${fixture('print-env.js')} FORCE_COLOR`, { NO_COLOR: '1' }));
    await s.idle();
    assert.deepEqual(JSON.parse(rec.text('a.1')), { FORCE_COLOR: '1' });
    assert.deepEqual(JSON.parse(rec.text('b.1')), { FORCE_COLOR: null });
  });

  it('one process exiting stops the others (heroku local), whole trees included', async () => {
    const marker = newMarker();
    const s = make();
    s.start(spec('tree.1', `${NODE} ${fixture('spawn-tree.js')} ${marker}`));
    await waitUntil('the tree', () => rec.text('tree.1').startsWith('ready'), POLL);
    assert.equal(liveWithMarker(marker).length, 4, 'the shell, spawn-tree.js and two grandchildren');
    s.start(spec('crash.1', 'echo bye; exit 7'));
    await s.idle();
    assert.deepEqual(rec.exits.map((e) => [e.id, e.code, e.stoppedByUs]), [['crash.1', 7, false], ['tree.1', null, true]]);
    assert.deepEqual(liveWithMarker(marker), [], 'grandchildren are gone when the exit is reported');
  });

  it("with 'keep-running' the others go on after one exits", async () => {
    const s = make({ onExit: 'keep-running' });
    s.start(spec('sleep.1', `${NODE} ${fixture('sleeper.js')}`));
    s.start(spec('crash.1', 'exit 2'));
    await waitUntil('the crash', () => rec.exits.length === 1, POLL);
    await waitUntil('the sleeper', () => rec.text('sleep.1') !== '', POLL);
    assert.equal(s.list().find((p) => p.id === 'sleep.1')?.state, 'running');
    const r = await s.stop('sleep.1');
    assert.equal(r?.stoppedByUs, true);
    assert.equal(r?.signal, 'SIGTERM');
  });

  it('a child that ignores SIGTERM is killed with SIGKILL after the grace period', async () => {
    const marker = newMarker();
    const s = make({ graceMs: 300 });
    s.start(spec('stubborn.1', `${NODE} ${fixture('ignore-term.js')} ${marker}`));
    await waitUntil('the child', () => rec.text('stubborn.1').startsWith('ready'), POLL);
    const r = await s.stop('stubborn.1');
    assert.equal(r?.forced, true);
    assert.match(rec.text('stubborn.1'), /ignoring SIGTERM/);
    assert.deepEqual(liveWithMarker(marker), []);
  });

  it('what a process leaves in its group when it exits on its own is cleared up before the exit is reported', async () => {
    const marker = newMarker();
    const s = make();
    s.start(spec('bg.1', `${NODE} ${fixture('sleeper.js')} ${marker} & sleep 0.3; echo leaving`));
    await s.idle();
    assert.equal(rec.exitOf('bg.1')?.code, 0);
    assert.deepEqual(liveWithMarker(marker), []);
  });

  it('restarts one process: a new pid, the old tree gone, a restart counted', async () => {
    const marker = newMarker();
    const s = make();
    s.start(spec('tree.1', `${NODE} ${fixture('spawn-tree.js')} ${marker}`));
    s.start(spec('other.1', `${NODE} ${fixture('sleeper.js')}`));
    await waitUntil('the tree', () => rec.text('tree.1').startsWith('ready'), POLL);
    const before = liveWithMarker(marker).sort();
    assert.equal(before.length, 4);
    assert.deepEqual(await s.restart('tree.1'), { ok: true });
    await waitUntil('the second start', () => rec.text('tree.1').split('ready').length === 3, POLL);
    const after = liveWithMarker(marker);
    assert.equal(after.length, 4);
    assert.ok(after.every((p) => !before.includes(p)), 'no process of the first run is left');
    const info = s.list().find((p) => p.id === 'tree.1');
    assert.equal(info?.restarts, 1);
    assert.equal(info?.state, 'running');
    assert.equal(s.list().find((p) => p.id === 'other.1')?.state, 'running', 'a restart is not an exit that stops the rest');
    assert.deepEqual(s.start(spec('tree.1', 'true')), { ok: false, error: 'tree.1 is already running' });
  });

  it('reports a process that cannot start, with the reason', async () => {
    const s = make();
    s.start({ id: 'x.1', command: 'true', env: ENV, cwd: '/nonexistent-folder-hw' });
    await s.idle();
    assert.equal(rec.exitOf('x.1')?.spawnError, 'the folder /nonexistent-folder-hw does not exist');
    const nul = s.start({ id: 'y.1', command: 'true', env: { ...ENV, BAD: 'a\0b' }, cwd: FIXTURES });
    assert.equal(nul.ok, false);
    assert.match(nul.ok ? '' : nul.error, /null bytes/);
  });

  it('100 start/stop cycles leave no process behind, the watchdog included', async function () {
    this.timeout(120000);
    const marker = `1000.${Date.now() % 1000000}${process.pid}`; // a sleep length no other process uses
    const s = make({ graceMs: 2000 });
    for (let cycle = 0; cycle < 100; cycle++) {
      for (let i = 0; i < 3; i++) s.start(spec(`p.${i}`, `sleep ${marker} & sleep ${marker}; echo never`));
      // Half the cycles stop at once (before the shells have even registered), half once the trees are up.
      if (cycle % 2) await waitUntil('the sleeps', () => liveWithMarker(marker).length >= 6, POLL);
      await s.stopAll();
      assert.deepEqual(liveWithMarker(marker), [], `cycle ${cycle}`);
    }
    const watchdog = s.watchdogPid;
    assert.ok(watchdog !== undefined && liveWithPid(watchdog));
    await s.dispose();
    await waitUntil('the watchdog to exit', () => !liveWithPid(watchdog), POLL);
  });
});

function liveWithPid(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A zombie waiting for init counts as gone.
  try {
    const stat = require('node:fs').readFileSync(`/proc/${pid}/stat`, 'utf8') as string;
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return process.platform !== 'linux';
  }
}
