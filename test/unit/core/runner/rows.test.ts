import * as assert from 'node:assert/strict';
import { processRows, uptime } from '../../../../src/core/runner/rows';
import type { LocalProcess } from '../../../../src/core/runner/session';

const NOW = Date.UTC(2026, 11, 3, 9, 0, 0);
const base: LocalProcess = { name: 'web.1', type: 'web', command: 'node server.js', port: 5006, cwd: '/app', release: false, state: 'running', pid: 42, restarts: 0, run: 1 };

describe('core/runner/rows', () => {
  it('says state, port and pid, and gives running and exited processes their menus', () => {
    const rows = processRows([
      base,
      { ...base, name: 'worker.1', port: 5106, state: 'exited', pid: undefined, exit: { name: 'worker.1', code: 3, signal: null, stoppedByUs: false }, restarts: 2 },
      { ...base, name: 'release.1', port: undefined, release: true, state: 'exited', pid: undefined, exit: { name: 'release.1', code: 0, signal: null, stoppedByUs: false } },
      { ...base, name: 'clock.1', type: 'clock', state: 'restarting' },
    ], NOW);
    assert.deepEqual(rows.map((r) => [r.label, r.description, r.contextValue, r.icon]), [
      ['release.1', 'exited (code 0)', 'heroku.local.exited', 'pass'],
      ['web.1', 'running · :5006 · pid 42', 'heroku.local.running.web', 'play-circle'],
      ['worker.1', 'exited (code 3) · :5106 · 2 restarts', 'heroku.local.exited', 'error'],
      ['clock.1', 'restarting… · :5006 · pid 42', 'heroku.local.running', 'loading~spin'],
    ]);
    assert.equal(rows[2].tooltip, 'worker.1: node server.js\nin /app\nPORT=5106\nstate: exited (code 3)\nrestarts: 2\nexit: exited with code 3');
  });

  it('a running process says how long it has run, how often it was restarted and how its last run ended', () => {
    const crashed = { name: 'web.1', code: null, signal: 'SIGSEGV', stoppedByUs: false };
    const [web] = processRows([{ ...base, startedAt: NOW - (2 * 60 + 5) * 60_000 - 59_000, restarts: 1, lastExit: crashed }], NOW);
    assert.equal(web.description, 'running · :5006 · pid 42 · up 2h 5m · 1 restart · last exit: SIGSEGV');
    assert.equal(web.tooltip, 'web.1: node server.js\nin /app\nPORT=5006\nstate: running, pid 42, up 2h 5m\nrestarts: 1\nlast exit: killed by SIGSEGV');
    const [fresh] = processRows([{ ...base, startedAt: NOW - 1000 }], NOW);
    assert.equal(fresh.description, 'running · :5006 · pid 42 · up <1m');
  });

  it('only a running web process with a port gets Open in Browser (its url)', () => {
    const rows = processRows([
      base,
      { ...base, name: 'web.2', port: undefined },
      { ...base, name: 'worker.1', type: 'worker', port: 5106 },
      { ...base, name: 'web.3', state: 'starting' },
      { ...base, name: 'web.4', state: 'exited', exit: { name: 'web.4', code: 1, signal: null, stoppedByUs: false } },
    ], NOW);
    assert.deepEqual(rows.map((r) => [r.name, r.contextValue, r.url]), [
      ['web.1', 'heroku.local.running.web', 'http://localhost:5006'],
      ['web.2', 'heroku.local.running', undefined],
      ['worker.1', 'heroku.local.running', undefined],
      ['web.3', 'heroku.local.running', undefined],
      ['web.4', 'heroku.local.exited', undefined],
    ]);
  });

  it('uptime reads in coarse words', () => {
    assert.deepEqual([0, 59_999, 60_000, 59 * 60_000, 60 * 60_000, 25 * 3600_000 + 60_000, -5].map(uptime), ['<1m', '<1m', '1m', '59m', '1h 0m', '1d 1h', '<1m']);
  });

  it('a process we stopped reads "stopped", one that never started "could not start"', () => {
    const [stopped, never] = processRows([
      { ...base, state: 'exited', exit: { name: 'web.1', code: null, signal: 'SIGTERM', stoppedByUs: true } },
      { ...base, name: 'x.1', state: 'exited', exit: { name: 'x.1', code: null, signal: null, stoppedByUs: false, spawnError: 'the folder /gone does not exist' } },
    ], NOW);
    assert.equal(stopped.description, 'stopped · :5006');
    assert.equal(never.description, 'could not start · :5006');
    assert.match(never.tooltip, /could not start: the folder \/gone does not exist/);
  });
});
