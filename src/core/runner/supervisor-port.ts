// The process supervisor as the local runner's session needs it, in core's words. src/infra/process/supervisor.ts
// implements it (process groups, SIGTERM then SIGKILL, a watchdog so nothing outlives us); the composition root
// hands one over through `LocalIo` (src/infra/process/local-io.ts, its own lazy bundle). Unlike the Spawner port
// (core/heroku/ports.ts: one argv, no shell) this runs Procfile lines, which are shell commands, and restarts them.

export interface SupervisedSpec {
  /** Unique among running processes, e.g. `web.1`. */
  id: string;
  /** A shell command line (a Procfile command). */
  command: string;
  env: Record<string, string>;
  cwd: string;
}

export interface SupervisedExit {
  id: string;
  pid?: number;
  code: number | null;
  signal: string | null;
  stoppedByUs: boolean;
  forced?: boolean;
  spawnError?: string;
}

export interface SupervisedListener {
  /** Whole lines, each ending in '\n'. */
  output?(id: string, stream: 'stdout' | 'stderr', lines: string): void;
  started?(id: string, pid: number): void;
  exited?(report: SupervisedExit): void;
}

export interface ProcessSupervisorPort {
  start(spec: SupervisedSpec): { ok: true } | { ok: false; error: string };
  /** Resolves once every process of it is gone. */
  stop(id: string): Promise<unknown>;
  stopAll(): Promise<void>;
  restart(id: string): Promise<{ ok: true } | { ok: false; error: string }>;
  /** Stops everything and ends the watchdog. */
  dispose(): Promise<void>;
}

export interface SupervisorSettings {
  /** Between SIGTERM and SIGKILL. */
  graceMs?: number;
  /** 'keep-running': one process ending leaves the others (the editor shows each one's state). */
  onExit?: 'stop-all' | 'keep-running';
  /** FORCE_COLOR=1 unless NO_COLOR or FORCE_COLOR is set. */
  forceColor?: boolean;
}

/** What the editor's composition root builds for the local runner. */
export interface LocalIo {
  createSupervisor(listener: SupervisedListener, settings: SupervisorSettings): ProcessSupervisorPort;
}
