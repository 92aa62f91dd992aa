// The parent dies by SIGKILL (no exit handler runs): the watchdog must still end every process it started.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { FIXTURES, NODE, fixture, liveWithMarker, newMarker, POLL, superviseInChild } from './helpers';
import { waitUntil } from '../../../support/wait';

/** Runs the supervisor in a child process, kills that parent with SIGKILL, waits for every child to go. */
async function killedParentLeavesNothing(mode: '' | 'kill-watchdog'): Promise<void> {
  const marker = newMarker();
  const specs = [
    { id: 'sleep.1', command: `${NODE} ${fixture('sleeper.js')} ${marker}` },
    { id: 'stubborn.1', command: `${NODE} ${fixture('ignore-term.js')} ${marker}` },
    { id: 'tree.1', command: `${NODE} ${fixture('spawn-tree.js')} ${marker}` },
  ];
  const { parent, output, ready, killed } = superviseInChild(specs, 500, mode);
  try {
    await ready();
    // 3 shells, 3 node processes, 2 grandchildren (the parent's own arguments hold the marker too).
    const children = () => liveWithMarker(marker).filter((p) => p !== parent.pid);
    assert.equal(children().length, 8);
    await killed();
    await waitUntil('every child to be gone', () => children().length === 0, { ...POLL, ms: 15000 });
    assert.deepEqual(children(), []);
    if (mode) assert.match(output(), /watchdog \d+ replaced by \d+/);
  } finally {
    parent.kill('SIGKILL');
  }
}

describe('infra/process: nothing outlives a parent killed with SIGKILL', function () {
  this.timeout(60000);

  it('children, a SIGTERM-ignoring child and grandchildren are all gone', () => killedParentLeavesNothing(''));

  it('the same when the first watchdog was killed: a new one took over every group', () => killedParentLeavesNothing('kill-watchdog'));

  it('a parent killed right after spawning, before its children run, leaves nothing either', async () => {
    // The children register themselves with the watchdog before their command runs: there is no window.
    for (let round = 0; round < 3; round++) {
      const marker = `1000.${round}${process.pid}${Date.now() % 100000}`; // a sleep length no other process uses
      const specs = Array.from({ length: 5 }, (_, i) => ({ id: `s.${i}`, command: `sleep ${marker} & sleep ${marker}` }));
      const parent = spawn(process.execPath, ['--require', 'tsx/cjs', join(FIXTURES, 'supervise.ts'), JSON.stringify(specs), '500', 'die-at-once'], {
        cwd: join(__dirname, '..', '..', '..', '..'), stdio: 'ignore',
      });
      const how = await new Promise<NodeJS.Signals | null>((r) => parent.once('exit', (_c, sig) => r(sig)));
      assert.equal(how, 'SIGKILL');
      await waitUntil(`round ${round}: no sleep left`, () => liveWithMarker(marker).filter((p) => p !== parent.pid).length === 0, { ...POLL, ms: 15000 });
    }
  });
});
