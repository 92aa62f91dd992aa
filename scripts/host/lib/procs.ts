// Child processes for the host scripts: each started in its own process group, killed as a group
// (TERM, then KILL after a grace period), and killed synchronously if this process exits early.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

const live = new Set<ChildProcess>();
let hooked = false;
let terminateHandled = false;

function killGroupNow(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try { child.kill(signal); } catch { /* already gone */ }
  }
}

function hookExit(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', () => { for (const c of live) killGroupNow(c, 'SIGKILL'); });
  // Children run in their own process groups, so a Ctrl-C reaches only us. Unless onTerminate
  // cleans up, exit as the default would: that runs the hook above (and Playwright's, for Chromium).
  for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.on(sig, () => { if (!terminateHandled) process.exit(code); });
  }
}

/** Spawns `cmd` detached in a new process group; the group is killed when this process exits. */
export function spawnGroup(cmd: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  hookExit();
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options, detached: true });
  live.add(child);
  return child;
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** TERM the whole group, KILL it after `graceMs`; resolves once the leader has exited. */
export async function killGroup(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.pid === undefined || !live.has(child)) return; // never signal a group twice (pid reuse)
  const done = new Promise<void>((resolve) => {
    if (exited(child)) resolve();
    else child.once('exit', () => resolve());
  });
  killGroupNow(child, 'SIGTERM');
  const timer = setTimeout(() => killGroupNow(child, 'SIGKILL'), graceMs);
  await done;
  clearTimeout(timer);
  // The leader is gone; sweep anything left in its group (helpers that ignored TERM).
  killGroupNow(child, 'SIGKILL');
  live.delete(child);
}

/**
 * Resolves with the first match of `pattern` in the child's stdout+stderr. Rejects when the child
 * exits first or after `timeoutMs`. `echo` receives every chunk (for logs).
 */
export function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs: number,
  echo?: (chunk: string) => void): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (d: Buffer): void => {
      const text = d.toString();
      echo?.(text);
      seen += text;
      const m = seen.match(pattern);
      if (m) { cleanup(); resolve(m); }
      if (seen.length > 1_000_000) seen = seen.slice(-100_000);
    };
    const onExit = (code: number | null, sig: string | null): void => {
      cleanup();
      reject(new Error(`process exited (${sig ?? code}) before printing ${pattern}:\n${seen.slice(-2000)}`));
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${pattern}:\n${seen.slice(-2000)}`));
    }, timeoutMs);
    function cleanup(): void {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
    }
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

/** Runs `fn` for SIGINT/SIGTERM once, then exits with 130/143. */
export function onTerminate(fn: () => Promise<void>): void {
  terminateHandled = true;
  let stopping = false;
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      if (stopping) return;
      stopping = true;
      fn().catch((e) => console.error(e)).finally(() => process.exit(sig === 'SIGINT' ? 130 : 143));
    });
  }
}
