// Finding processes by a marker in their command line: how tests and benchmarks check that what we started is gone.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';

/** A string to put in a command line so that liveWithMarker finds exactly those processes. */
export function newMarker(): string {
  return `hwmark${randomBytes(6).toString('hex')}`;
}

/** Pids of running processes (zombies excluded, this one too) whose command line contains `marker`. */
export function liveWithMarker(marker: string): number[] {
  if (process.platform !== 'linux') {
    const out = execFileSync('ps', ['-axo', 'pid=,stat=,command='], { encoding: 'utf8' });
    return out.split('\n').filter((l) => l.includes(marker) && !/^\s*\d+\s+Z/.test(l))
      .map((l) => Number(l.trim().split(/\s+/)[0])).filter((p) => p !== process.pid);
  }
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      if (!readFileSync(`/proc/${name}/cmdline`, 'utf8').includes(marker)) continue;
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The state letter follows the command name in parentheses (which may itself hold spaces or parentheses).
      if (!/^[ZX]/.test(stat.slice(stat.lastIndexOf(')') + 2))) pids.push(Number(name));
    } catch {
      // exited meanwhile
    }
  }
  return pids;
}
