// The supervisor's Windows path (platform 'win32'), run here against two stand-ins on PATH: `cmd.exe`, which runs
// its `/d /s /c "COMMAND"` with sh, and `taskkill`, which logs its arguments and kills the given pid and everything
// below it (what `/T /F` does). This checks our side of the bargain: the command line we give cmd.exe, every stop
// and restart going through `taskkill /T /F /PID <pid>`, and the watchdog (a node script on Windows) calling taskkill
// for each registered process when its parent dies by SIGKILL. Windows' own cmd.exe and taskkill are not tested here.
import * as assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProcessSupervisor } from '../../../../src/infra/process/supervisor';
import { FIXTURES, NODE, Recorder, fixture, liveWithMarker, newMarker, POLL, superviseInChild } from './helpers';
import { waitUntil } from '../../../support/wait';

const CMD = `#!/bin/sh
# cmd.exe /d /s /c "COMMAND": the quotes around COMMAND are part of the argument (windowsVerbatimArguments)
[ "$1 $2 $3" = "/d /s /c" ] && [ $# -eq 4 ] || { echo "unexpected arguments: $*" >&2; exit 90; }
case $4 in \\"*\\") ;; *) echo "the command is not in quotes: $4" >&2; exit 91 ;; esac
c=$4; c=\${c#\\"}; c=\${c%\\"}
exec /bin/sh -c "$c"
`;
const TASKKILL = `#!/bin/sh
echo "$*" >> "$TASKKILL_LOG"
[ "$1 $2 $3" = "/T /F /PID" ] || exit 1
tree() { for c in $(ps -o pid= --ppid "$1"); do tree "$c"; done; kill -9 "$1" 2>/dev/null; }
tree "$4"
`;

describe('infra/process/supervisor: the Windows path, against stand-ins for cmd.exe and taskkill', function () {
  this.timeout(30000);
  let bin: string;
  let log: string;
  const saved = { PATH: process.env.PATH, comspec: process.env.comspec, TASKKILL_LOG: process.env.TASKKILL_LOG };
  let sup: ProcessSupervisor | undefined;

  before(function () {
    if (process.platform !== 'linux') this.skip(); // the stand-ins use /proc-backed `ps --ppid`
    bin = mkdtempSync(join(tmpdir(), 'hw-win-'));
    log = join(bin, 'taskkill.log');
    writeFileSync(join(bin, 'cmd.exe'), CMD);
    writeFileSync(join(bin, 'taskkill'), TASKKILL);
    chmodSync(join(bin, 'cmd.exe'), 0o755);
    chmodSync(join(bin, 'taskkill'), 0o755);
    process.env.PATH = `${bin}:${saved.PATH ?? '/usr/bin:/bin'}`;
    process.env.comspec = join(bin, 'cmd.exe');
    process.env.TASKKILL_LOG = log;
  });

  beforeEach(() => writeFileSync(log, ''));

  afterEach(async () => {
    await sup?.dispose();
    sup = undefined;
  });

  after(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    if (bin) rmSync(bin, { recursive: true, force: true });
  });

  const taskkills = () => readFileSync(log, 'utf8').split('\n').filter(Boolean);

  it('runs the command through cmd.exe; stop and restart end the whole tree with taskkill /T /F /PID', async () => {
    const marker = newMarker();
    const rec = new Recorder();
    sup = new ProcessSupervisor(rec, { platform: 'win32', graceMs: 1000, onExit: 'keep-running' });
    const env = { ...process.env } as Record<string, string>;
    assert.deepEqual(sup.start({ id: 'tree.1', command: `${NODE} ${fixture('spawn-tree.js')} ${marker}`, env, cwd: FIXTURES }), { ok: true });
    await waitUntil('the tree to be ready', () => rec.text('tree.1').includes(`ready ${marker}`), POLL);
    assert.equal(liveWithMarker(marker).length, 4, 'the shell cmd.exe became, node under it, and its two grandchildren');

    const first = rec.starts[0][1];
    assert.deepEqual(await sup.restart('tree.1'), { ok: true });
    assert.ok(taskkills().includes(`/T /F /PID ${first}`), taskkills().join(' | '));
    await waitUntil('the new tree', () => rec.text('tree.1').split('ready').length === 3, POLL);
    await waitUntil('only the new tree left', () => liveWithMarker(marker).length === 4, POLL);

    const second = rec.starts[1][1];
    assert.notEqual(second, first);
    const exit = await sup.stop('tree.1');
    assert.equal(exit?.stoppedByUs, true);
    assert.ok(taskkills().includes(`/T /F /PID ${second}`), taskkills().join(' | '));
    await waitUntil('every process of it to be gone', () => liveWithMarker(marker).length === 0, POLL);
  });

  it('a parent killed with SIGKILL: its watchdog calls taskkill for every process it registered', async () => {
    const marker = newMarker();
    const specs = [
      { id: 'sleep.1', command: `${NODE} ${fixture('sleeper.js')} ${marker}` },
      { id: 'tree.1', command: `${NODE} ${fixture('spawn-tree.js')} ${marker}` },
    ];
    const { parent, output, ready, killed } = superviseInChild(specs, 500, '', 'win32');
    try {
      await ready();
      const children = () => liveWithMarker(marker).filter((p) => p !== parent.pid);
      // cmd.exe (here: the sh it became) and node for each, and the tree's two grandchildren.
      assert.equal(children().length, 6, output());
      await killed();
      await waitUntil('every child to be gone', () => children().length === 0, { ...POLL, ms: 15000 });
      assert.equal(taskkills().length, 2, taskkills().join(' | '));
      assert.ok(taskkills().every((l) => /^\/T \/F \/PID \d+$/.test(l)), taskkills().join(' | '));
    } finally {
      parent.kill('SIGKILL');
    }
  });
});
