import * as assert from 'node:assert/strict';
import { processRows } from '../../../../src/core/runner/rows';
import type { LocalProcess } from '../../../../src/core/runner/session';

const base: LocalProcess = { name: 'web.1', type: 'web', command: 'node server.js', port: 5006, cwd: '/app', release: false, state: 'running', pid: 42, restarts: 0, run: 1 };

describe('core/runner/rows', () => {
  it('says state, port and pid, and gives running and exited processes their menus', () => {
    const rows = processRows([
      base,
      { ...base, name: 'worker.1', port: 5106, state: 'exited', pid: undefined, exit: { name: 'worker.1', code: 3, signal: null, stoppedByUs: false }, restarts: 2 },
      { ...base, name: 'release.1', port: undefined, release: true, state: 'exited', pid: undefined, exit: { name: 'release.1', code: 0, signal: null, stoppedByUs: false } },
      { ...base, name: 'clock.1', state: 'restarting' },
    ]);
    assert.deepEqual(rows.map((r) => [r.label, r.description, r.contextValue, r.icon]), [
      ['release.1', 'exited (code 0)', 'heroku.local.exited', 'pass'],
      ['web.1', 'running · :5006 · pid 42', 'heroku.local.running', 'play-circle'],
      ['worker.1', 'exited (code 3) · :5106 · 2 restarts', 'heroku.local.exited', 'error'],
      ['clock.1', 'restarting… · :5006 · pid 42', 'heroku.local.running', 'loading~spin'],
    ]);
    assert.match(rows[2].tooltip, /worker\.1: node server\.js\nin \/app\nPORT=5106\nexited with code 3/);
  });

  it('a process we stopped reads "stopped", one that never started "could not start"', () => {
    const [stopped, never] = processRows([
      { ...base, state: 'exited', exit: { name: 'web.1', code: null, signal: 'SIGTERM', stoppedByUs: true } },
      { ...base, name: 'x.1', state: 'exited', exit: { name: 'x.1', code: null, signal: null, stoppedByUs: false, spawnError: 'the folder /gone does not exist' } },
    ]);
    assert.equal(stopped.description, 'stopped · :5006');
    assert.equal(never.description, 'could not start · :5006');
    assert.match(never.tooltip, /could not start: the folder \/gone does not exist/);
  });
});
