// Finding processes by a marker in their command line, and waiting on conditions (never sleep-then-assert).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { ExitReport, StreamName, SupervisorListener } from '../../../../src/infra/process/supervisor';

export const FIXTURES = join(__dirname, '..', '..', '..', 'fixtures', 'runner');
export const NODE = JSON.stringify(process.execPath);

export function fixture(name: string): string {
  return JSON.stringify(join(FIXTURES, name));
}

export function newMarker(): string {
  return `hwmark${randomBytes(6).toString('hex')}`;
}

/** Pids of running (not zombie) processes whose command line contains `marker`. */
export function liveWithMarker(marker: string): number[] {
  if (process.platform !== 'linux') {
    const out = execFileSync('ps', ['-axo', 'pid=,stat=,command='], { encoding: 'utf8' });
    return out.split('\n').filter((l) => l.includes(marker) && !/^\s*\d+\s+Z/.test(l)).map((l) => Number(l.trim().split(/\s+/)[0]));
  }
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (!readFileSync(`/proc/${name}/cmdline`, 'utf8').includes(marker)) continue;
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
      if (state !== 'Z' && state !== 'X') pids.push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  return pids.filter((p) => p !== process.pid);
}

/** Polls `cond` until it holds; fails with `what` after `ms`. */
export async function waitFor(cond: () => boolean, what: string, ms = 10000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A listener that records everything, with per-process output as text. */
export class Recorder implements SupervisorListener {
  readonly out = new Map<string, string>();
  readonly exits: ExitReport[] = [];
  readonly starts: Array<[string, number]> = [];
  readonly chunks: Array<[string, StreamName, string]> = [];

  output(id: string, stream: StreamName, lines: string): void {
    this.chunks.push([id, stream, lines]);
    this.out.set(id, (this.out.get(id) ?? '') + lines);
  }

  started(id: string, pid: number): void {
    this.starts.push([id, pid]);
  }

  exited(r: ExitReport): void {
    this.exits.push(r);
  }

  text(id: string): string {
    return this.out.get(id) ?? '';
  }

  exitOf(id: string): ExitReport | undefined {
    return this.exits.find((e) => e.id === id);
  }
}
