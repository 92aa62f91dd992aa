// Signals to whole process trees: on POSIX each process we start leads its own process group (spawned detached,
// i.e. setsid), so one kill(-pgid) reaches its children and grandchildren; on Windows `taskkill /T /F` walks the tree.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export type StopSignal = 'SIGTERM' | 'SIGKILL';

/** Sends a signal to the group; false when no process of it is left. */
export function signalGroup(pgid: number, signal: StopSignal, platform: NodeJS.Platform = process.platform): boolean {
  if (platform === 'win32') {
    // No graceful stop for a Windows tree: taskkill without /F only asks windowed programs to close.
    const tk = spawn('taskkill', ['/T', '/F', '/PID', String(pgid)], { stdio: 'ignore', windowsHide: true });
    tk.on('error', () => undefined);
    return true;
  }
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false; // ESRCH: the group is empty; EPERM cannot happen for a group we created
  }
}

/** Members of group `pgid` that still run, from /proc (Linux): zombies waiting for their parent do not count. */
function liveMembersFromProc(pgid: number): number {
  let n = 0;
  for (const name of readdirSync('/proc')) {
    const c = name.charCodeAt(0);
    if (c < 48 || c > 57) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'latin1');
    } catch {
      continue; // exited meanwhile
    }
    // pid (comm) state ppid pgrp …: comm may hold spaces and parentheses, so read after the last ')'.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ', 3);
    if (Number(f[2]) === pgid && f[0] !== 'Z' && f[0] !== 'X') n++;
  }
  return n;
}

/** True while some process of the group runs. */
export function groupAlive(pgid: number, platform: NodeJS.Platform = process.platform): boolean {
  if (platform === 'win32') return false; // taskkill /T /F has already ended the tree, or reports why not
  try {
    process.kill(-pgid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  if (platform !== 'linux') return true;
  try {
    // A process whose parent died stays a zombie until init reaps it; kill(-pgid, 0) still finds it.
    return liveMembersFromProc(pgid) > 0;
  } catch {
    return true;
  }
}
