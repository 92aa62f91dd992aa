// How a run ends: each process's exit in words, and the runner's exit code (the first failing process's).

export interface ProcessExit {
  name: string;
  /** Exit code, or null when a signal ended it. */
  code: number | null;
  signal: string | null;
  /** We stopped it (stop, restart, Ctrl-C, or because another process exited). */
  stoppedByUs: boolean;
  /** Something of it outlived SIGTERM and the grace period: it was killed with SIGKILL. */
  forced?: boolean;
  /** It could not be started at all (e.g. the working folder is missing). */
  spawnError?: string;
}

const SIGNALS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGBUS: 7, SIGFPE: 8, SIGKILL: 9, SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15 };

/** The status a shell would show: the code, or 128 + the signal's number. */
export function exitStatus(e: ProcessExit): number {
  if (e.spawnError !== undefined) return 127;
  if (e.code !== null) return e.code;
  return 128 + (e.signal ? SIGNALS[e.signal] ?? 0 : 0);
}

/** It ended on its own and not well: a non-zero code, a signal we did not send, or no start at all. */
export function failed(e: ProcessExit): boolean {
  return !e.stoppedByUs && exitStatus(e) !== 0;
}

export function describeExit(e: ProcessExit): string {
  if (e.spawnError !== undefined) return `could not start: ${e.spawnError}`;
  // When we stop a process, the code or signal is its shell's (SIGTERM reaches the whole group): not worth showing.
  if (e.stoppedByUs) return e.forced ? 'stopped (killed with SIGKILL: still running after the grace period)' : 'stopped';
  const how = e.code !== null ? `exited with code ${e.code}` : `killed by ${e.signal ?? 'a signal'}`;
  return e.forced ? `${how}; what it left running was killed with SIGKILL` : how;
}

/**
 * The runner's exit code: the first process that failed on its own decides; else 130 when the user
 * interrupted (as a shell reports Ctrl-C); else 0.
 */
export function runExitCode(exits: readonly ProcessExit[], interrupted: boolean): number {
  const first = exits.find(failed);
  if (first) return exitStatus(first) || 1;
  return interrupted ? 130 : 0;
}
