import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The environment variable that marks every process of one dyno, so all of them can be found and killed. */
export const DYNO_TAG = 'HEROKU_FAKE_DYNO';

export interface DynoProcess {
  readonly child: ChildProcess;
  /** The dyno's own folder (its `/app`), removed when it ends. */
  readonly dir: string;
  /**
   * Settles once the command has exited and no process of the dyno is left (its background jobs are killed with
   * it), with the exit code or signal.
   */
  readonly ended: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(): void;
}

export interface SpawnSpec {
  tag: string;
  command: string;
  /** Config vars, the request's `env` and the dyno's own (DYNO, PORT): merged over a minimal base. */
  env: Record<string, string>;
  /** Under a pseudo-terminal (attached `heroku run`), or plain pipes (run:detached). */
  tty: boolean;
  cols?: number;
  rows?: number;
}

const SHELL = existsSync('/bin/bash') ? '/bin/bash' : '/bin/sh';

/**
 * Starts a one-off dyno's command for real, in a temporary folder with a minimal environment. With `tty` it runs
 * under util-linux `script`, which gives it a pseudo-terminal without native modules: echo, line editing, Ctrl-C
 * (byte 0x03 becomes SIGINT for the foreground job) behave as on a dyno.
 */
export function spawnDyno(spec: SpawnSpec): DynoProcess {
  const dir = mkdtempSync(join(tmpdir(), 'fake-dyno-'));
  // Cloud Native Buildpacks' `launcher` (the CLI prefixes commands with it on `cnb` apps): here it only runs its
  // arguments.
  mkdirSync(join(dir, '.cnb', 'bin'), { recursive: true });
  writeFileSync(join(dir, '.cnb', 'bin', 'launcher'), '#!/bin/sh\nexec "$@"\n', { mode: 0o755 });
  const env: Record<string, string> = {
    PATH: `/usr/local/bin:/usr/bin:/bin:${join(dir, '.cnb', 'bin')}`, HOME: dir, SHELL, LANG: 'C.UTF-8', TERM: 'xterm-256color', ...spec.env, [DYNO_TAG]: spec.tag,
  };
  // A detached process group, so the dyno's processes can be killed together (script's child has its own session,
  // which the tag finds).
  const child = spec.tty
    ? spawn('script', ['-qfec', `stty cols ${spec.cols ?? 80} rows ${spec.rows ?? 24} 2>/dev/null; ${spec.command}`, '/dev/null'], { cwd: dir, env, detached: true, stdio: 'pipe' })
    : spawn(SHELL, ['-c', spec.command], { cwd: dir, env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
  const kill = (): void => killDyno(child, spec.tag);
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    const finish = (code: number | null, signal: NodeJS.Signals | null): void => {
      // What it left running in the background ends with it, as on a dyno.
      kill();
      void untilGone(spec.tag).then(() => {
        rmSync(dir, { recursive: true, force: true });
        resolve({ code, signal });
      });
    };
    child.on('close', finish);
    child.on('error', () => finish(127, null));
  });
  return { child, dir, ended, kill };
}

/** Waits (up to 3 s) until no process carries the tag: SIGKILL is delivered asynchronously. */
async function untilGone(tag: string): Promise<void> {
  for (let i = 0; i < 300 && taggedPids(tag).length > 0; i++) {
    for (const pid of taggedPids(tag)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone meanwhile
      }
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Kills the dyno's process group and every process carrying its tag (those that left the group or session). */
export function killDyno(child: ChildProcess, tag: string): void {
  if (child.pid !== undefined) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  for (const pid of taggedPids(tag)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
}

/** Pids whose environment has `HEROKU_FAKE_DYNO=<tag>` (Linux /proc; others' processes are unreadable and skipped). */
export function taggedPids(tag: string): number[] {
  const marker = `${DYNO_TAG}=${tag}\0`;
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const out: number[] = [];
  for (const e of entries) {
    if (!/^\d+$/.test(e) || Number(e) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${e}/environ`, 'latin1').includes(marker)) out.push(Number(e));
    } catch {
      // not ours, or gone
    }
  }
  return out;
}
