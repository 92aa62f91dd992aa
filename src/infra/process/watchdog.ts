// Nothing we start may outlive us, even when we are killed with SIGKILL and run no code at all. A watchdog does
// it: one small process per supervisor, in a session of its own, that reads a pipe whose only writers are us and
// the processes being started. It learns each process group as `+PGID` lines and forgets it on `-PGID`; when the
// pipe reaches end of file (our last writer is gone: we exited or were killed) it sends SIGTERM to every group
// it still knows, waits up to the grace period, then SIGKILL.
//
// On POSIX each started shell registers itself before the command runs (`printf +$$ >&3`, then closes fd 3), so
// there is no moment in which a group exists that the watchdog could miss: while a child has not registered it
// still holds a write end of the pipe, and the watchdog cannot see end of file before its line.
// On Windows the watchdog is a node script that runs `taskkill /T /F` on the registered pids; we register
// each one right after spawn (a small window remains there: a kill between spawn and that write).
import { spawn, type ChildProcess } from 'node:child_process';
import type { Writable } from 'node:stream';

const POSIX_SCRIPT = `
set -f
g=' '
while IFS= read -r l; do
  case $l in
    +*) g="$g\${l#+} " ;;
    -*) n=' '; for p in $g; do [ "$p" = "\${l#-}" ] || n="$n$p "; done; g=$n ;;
  esac
done
set -- $g
[ $# -eq 0 ] && exit 0
for p; do kill -s TERM -- -"$p" 2>/dev/null; done
i=0
while [ "$i" -lt "$TICKS" ]; do
  alive=0
  for p; do kill -s 0 -- -"$p" 2>/dev/null && alive=1; done
  [ "$alive" = 0 ] && exit 0
  sleep 0.1
  i=$((i + 1))
done
for p; do kill -s KILL -- -"$p" 2>/dev/null; done
`;

const WINDOWS_SCRIPT = `
const pids = new Set();
let buf = '';
process.stdin.on('data', (d) => {
  buf += d;
  let nl;
  while ((nl = buf.indexOf('\\n')) >= 0) {
    const l = buf.slice(0, nl).trim(); buf = buf.slice(nl + 1);
    if (l[0] === '+') pids.add(l.slice(1)); else if (l[0] === '-') pids.delete(l.slice(1));
  }
});
process.stdin.on('end', () => {
  for (const p of pids) require('child_process').spawnSync('taskkill', ['/T', '/F', '/PID', p], { stdio: 'ignore', windowsHide: true });
});
`;

export interface WatchdogOptions {
  graceMs: number;
  platform?: NodeJS.Platform;
  shell?: string;
}

export class Watchdog {
  private readonly child: ChildProcess;
  private alive = true;

  private closed = false;

  /** `onLost`: it ended while we still needed it (someone killed it): start another. */
  constructor(options: WatchdogOptions, onLost?: () => void) {
    const platform = options.platform ?? process.platform;
    const ticks = String(Math.max(1, Math.ceil(options.graceMs / 100)));
    this.child = platform === 'win32'
      ? spawn(process.execPath, ['-e', WINDOWS_SCRIPT], { detached: true, stdio: ['pipe', 'ignore', 'ignore'], windowsHide: true, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } })
      : spawn(options.shell ?? '/bin/sh', ['-c', POSIX_SCRIPT, 'heroku-workflows-watchdog'], { detached: true, stdio: ['pipe', 'ignore', 'ignore'], env: { PATH: process.env.PATH ?? '/usr/bin:/bin', TICKS: ticks } });
    this.child.unref();
    const lost = () => {
      if (!this.alive) return;
      this.alive = false;
      if (!this.closed) onLost?.();
    };
    this.child.on('error', lost);
    this.child.on('exit', lost);
    this.child.stdin?.on('error', lost); // EPIPE once it is gone
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get isAlive(): boolean {
    return this.alive;
  }

  /** The pipe a POSIX child gets as fd 3 to register itself. */
  get pipe(): Writable | undefined {
    return this.alive ? this.child.stdin ?? undefined : undefined;
  }

  register(pgid: number): void {
    this.write(`+${pgid}\n`);
  }

  forget(pgid: number): void {
    this.write(`-${pgid}\n`);
  }

  /** Closes our end: the watchdog stops what it still knows (nothing, after a clean stop) and exits. */
  close(): void {
    this.closed = true;
    this.alive = false;
    this.child.stdin?.end();
  }

  private write(line: string): void {
    if (this.alive) this.child.stdin?.write(line);
  }
}
