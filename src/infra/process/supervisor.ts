// Runs a set of shell commands as `heroku local` does (each under /bin/sh -c, or cmd.exe /s /c on Windows) and
// keeps them in hand: output as whole lines, stop = SIGTERM to the process group then SIGKILL after a grace
// period, whole trees killed, exits reported after the group is empty (so a restart never meets the old
// process's port), one process restarted on its own, and a watchdog that cleans up if we die (watchdog.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { groupAlive, signalGroup } from './groups';
import { LineSplitter } from './line-splitter';
import { Watchdog } from './watchdog';

export interface ProcessSpec {
  /** Unique among running processes, e.g. `web.1`. */
  id: string;
  command: string;
  env: Record<string, string>;
  cwd: string;
}

export type StreamName = 'stdout' | 'stderr';

export interface ExitReport {
  id: string;
  pid?: number;
  /** Exit code of the process we started (the shell), or null when a signal ended it. */
  code: number | null;
  signal: NodeJS.Signals | null;
  /** We ended it: stop, restart, stopAll, or another process's exit under the 'stop-all' policy. */
  stoppedByUs: boolean;
  /** Something of it outlived SIGTERM and the grace period and was killed with SIGKILL. */
  forced?: boolean;
  /** It never ran: the message of the spawn error. */
  spawnError?: string;
}

export interface SupervisorListener {
  /** One or more whole lines, each ending in '\n' (a last unterminated line gets one). */
  output?(id: string, stream: StreamName, lines: string): void;
  /** The same lines as they came, undecoded (UTF-8, unless the process wrote something else); when given, `output`
   *  is not called. For a consumer that can skip decoding and encoding again (the CLI's output). */
  outputBytes?(id: string, stream: StreamName, lines: Buffer): void;
  started?(id: string, pid: number): void;
  exited?(report: ExitReport): void;
}

export interface SupervisorOptions {
  /** Between SIGTERM and SIGKILL. Default 5000 ms. */
  graceMs?: number;
  /** 'stop-all' (default, as heroku local): when a process exits on its own, stop the rest. */
  onExit?: 'stop-all' | 'keep-running';
  /** Set FORCE_COLOR=1 (honoured by Node tools, chalk, supports-color…) unless NO_COLOR or FORCE_COLOR is set. */
  forceColor?: boolean;
  platform?: NodeJS.Platform;
  /** POSIX shell; default /bin/sh. */
  shell?: string;
}

export type ProcessState = 'running' | 'stopping' | 'exited';

export interface ProcessInfo {
  id: string;
  pid?: number;
  state: ProcessState;
  startedAt: number;
  restarts: number;
  exit?: ExitReport;
}

interface Managed {
  spec: ProcessSpec;
  child: ChildProcess;
  pid?: number;
  state: ProcessState;
  stoppedByUs: boolean;
  startedAt: number;
  restarts: number;
  killTimer?: NodeJS.Timeout;
  forced: boolean;
  finishing: boolean;
  splitters: LineSplitter[];
  exit?: ExitReport;
  done: Promise<ExitReport>;
  resolve(r: ExitReport): void;
}

// The shell registers its process group with the watchdog on fd 3 and closes it before the command runs; then
// `exec /bin/sh -c "$1"` gives the command exactly the shell `sh -c COMMAND` would (dash execs a simple command).
// SIGPIPE is ignored around the write: a watchdog that is gone must not kill the process before it starts.
const PRELUDE = 'trap "" PIPE; printf "+%s\\n" $$ >&3 2>/dev/null; exec 3>&-; trap - PIPE; exec "$0" -c "$1"';
const POLL_MS = 20;
const STREAM_CLOSE_MS = 300;

const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class ProcessSupervisor {
  private readonly procs = new Map<string, Managed>();
  private readonly graceMs: number;
  private readonly platform: NodeJS.Platform;
  private readonly shell: string;
  private watchdog: Watchdog | undefined;
  /** >0 while stopping everything: exits then do not trigger the 'stop-all' policy again. */
  private stoppingAll = 0;
  private paused = false;
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly listener: SupervisorListener, private readonly options: SupervisorOptions = {}) {
    this.graceMs = options.graceMs ?? 5000;
    this.platform = options.platform ?? process.platform;
    this.shell = options.shell ?? '/bin/sh';
  }

  /** Starts a process; refused (an error message) when one with this id still runs or it cannot be spawned at
   *  all. A start that fails later (a missing folder) is reported as an exit with `spawnError`. */
  start(spec: ProcessSpec, restarts = 0): { ok: true } | { ok: false; error: string } {
    const old = this.procs.get(spec.id);
    if (old && old.state !== 'exited') return { ok: false, error: `${spec.id} is already running` };
    const env = { ...spec.env };
    if (this.options.forceColor && env.NO_COLOR === undefined && env.FORCE_COLOR === undefined) env.FORCE_COLOR = '1';
    let child: ChildProcess;
    try {
      child = this.spawn(spec, env);
    } catch (e) {
      // Thrown, not emitted: e.g. a NUL character in the command or in an environment value.
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
    let resolve!: (r: ExitReport) => void;
    const done = new Promise<ExitReport>((r) => (resolve = r));
    const m: Managed = { spec, child, pid: child.pid, state: 'running', stoppedByUs: false, forced: false, finishing: false, splitters: [], startedAt: Date.now(), restarts, done, resolve };
    this.procs.set(spec.id, m);
    for (const name of ['stdout', 'stderr'] as const) {
      const stream = child[name];
      if (!stream) continue;
      const splitter = new LineSplitter((lines) => {
        if (this.listener.outputBytes) this.listener.outputBytes(spec.id, name, lines);
        else this.listener.output?.(spec.id, name, lines.toString('utf8'));
      });
      m.splitters.push(splitter);
      stream.on('data', (chunk: Buffer) => splitter.push(chunk));
      stream.on('close', () => splitter.end());
      if (this.paused) stream.pause();
    }
    child.stdin?.on('error', () => undefined); // kept open and never written: like heroku local, no EOF on stdin
    child.on('error', (err: NodeJS.ErrnoException) => {
      if (m.pid !== undefined) return;
      // A missing working folder fails as "spawn /bin/sh ENOENT": say what is missing.
      const message = err.code === 'ENOENT' && !existsSync(spec.cwd) ? `the folder ${spec.cwd} does not exist` : err.message;
      void this.finish(m, { code: null, signal: null, spawnError: message });
    });
    child.on('exit', (code, signal) => void this.finish(m, { code, signal }));
    if (m.pid !== undefined) {
      if (this.platform === 'win32') this.watchdog?.register(m.pid);
      this.listener.started?.(spec.id, m.pid);
    }
    return { ok: true };
  }

  /** Stops one process (its whole tree); resolves once every process of it is gone. */
  stop(id: string): Promise<ExitReport | undefined> {
    const m = this.procs.get(id);
    if (!m) return Promise.resolve(undefined);
    if (m.state === 'running') {
      m.state = 'stopping';
      m.stoppedByUs = true;
      if (m.pid !== undefined) this.terminate(m, m.pid);
    }
    return m.done;
  }

  async stopAll(): Promise<void> {
    this.stoppingAll++;
    try {
      await Promise.all([...this.procs.keys()].map((id) => this.stop(id)));
    } finally {
      this.stoppingAll--;
    }
  }

  /** SIGKILL to every process group at once, without a grace period (a second Ctrl-C). */
  killAll(): void {
    for (const m of this.procs.values()) {
      if (m.state === 'exited' || m.pid === undefined) continue;
      if (m.state === 'running') {
        m.stoppedByUs = true;
        m.state = 'stopping';
      }
      if (signalGroup(m.pid, 'SIGKILL', this.platform)) m.forced = true;
    }
  }

  /** Stops the process and starts it again with the same command and environment. */
  async restart(id: string): Promise<{ ok: true } | { ok: false; error: string }> {
    const m = this.procs.get(id);
    if (!m) return { ok: false, error: `no process ${id}` };
    await this.stop(id);
    return this.start(m.spec, m.restarts + 1);
  }

  /** The watchdog's pid (tests check it goes away after dispose). */
  get watchdogPid(): number | undefined {
    return this.watchdog?.pid;
  }

  list(): ProcessInfo[] {
    return [...this.procs.values()].map((m) => ({ id: m.spec.id, pid: m.pid, state: m.state, startedAt: m.startedAt, restarts: m.restarts, exit: m.exit }));
  }

  /** Resolves when no process runs (at once if none does). */
  idle(): Promise<void> {
    if (![...this.procs.values()].some((m) => m.state !== 'exited')) return Promise.resolve();
    return new Promise((r) => this.idleWaiters.push(r));
  }

  /** Stop reading output (the consumer cannot keep up); the processes block on full pipes meanwhile. */
  pauseOutput(): void {
    this.paused = true;
    for (const m of this.procs.values()) { m.child.stdout?.pause(); m.child.stderr?.pause(); }
  }

  resumeOutput(): void {
    this.paused = false;
    for (const m of this.procs.values()) { m.child.stdout?.resume(); m.child.stderr?.resume(); }
  }

  /** Stops everything and lets the watchdog go. */
  async dispose(): Promise<void> {
    await this.stopAll();
    this.watchdog?.close();
    this.watchdog = undefined;
  }

  private spawn(spec: ProcessSpec, env: Record<string, string>): ChildProcess {
    const watchdog = this.ensureWatchdog();
    if (this.platform === 'win32') {
      const comspec = process.env.comspec || 'cmd.exe';
      return spawn(comspec, ['/d', '/s', '/c', `"${spec.command}"`], { cwd: spec.cwd, env, stdio: 'pipe', windowsHide: true, windowsVerbatimArguments: true });
    }
    const pipe = watchdog.pipe;
    return spawn(this.shell, ['-c', PRELUDE, this.shell, spec.command], {
      cwd: spec.cwd, env, detached: true, stdio: ['pipe', 'pipe', 'pipe', pipe ?? 'ignore'],
    });
  }

  private ensureWatchdog(): Watchdog {
    if (this.watchdog?.isAlive) return this.watchdog;
    const running = () => [...this.procs.values()].filter((m) => m.state !== 'exited' && m.pid !== undefined);
    // Lost while processes run (it was killed): a new one at once, told every group that still runs.
    const w = new Watchdog({ graceMs: this.graceMs, platform: this.platform, shell: this.shell }, () => {
      if (this.watchdog === w && running().length) this.ensureWatchdog();
    });
    for (const m of running()) w.register(m.pid!);
    this.watchdog = w;
    return w;
  }

  /** SIGTERM to the group, SIGKILL after the grace period if anything of it is left. */
  private terminate(m: Managed, pgid: number): void {
    if (!signalGroup(pgid, 'SIGTERM', this.platform)) return;
    m.killTimer ??= setTimeout(() => {
      if (groupAlive(pgid, this.platform)) m.forced = signalGroup(pgid, 'SIGKILL', this.platform);
    }, this.graceMs);
  }

  /** The shell ended: clear up what it left in its group, then report. */
  private async finish(m: Managed, how: { code: number | null; signal: NodeJS.Signals | null; spawnError?: string }): Promise<void> {
    if (m.finishing) return; // 'error' may follow 'exit'
    m.finishing = true;
    const pgid = m.pid;
    // As heroku local: one exits on its own, all stop. After this exit is reported, unless clearing up takes time.
    let cascade = !m.stoppedByUs && this.options.onExit !== 'keep-running' && this.stoppingAll === 0;
    m.state = 'stopping';
    if (pgid !== undefined && groupAlive(pgid, this.platform)) {
      if (cascade) void this.stopOthers(m.spec.id);
      cascade = false;
      // Grandchildren outlived the shell: they go too (on Heroku a dyno's exit ends everything in it).
      this.terminate(m, pgid);
      const deadline = Date.now() + this.graceMs + 2000;
      while (groupAlive(pgid, this.platform) && Date.now() < deadline) await delay(POLL_MS);
    }
    if (m.killTimer) clearTimeout(m.killTimer);
    await this.streamsClosed(m.child);
    for (const sp of m.splitters) sp.end();
    if (pgid !== undefined) this.watchdog?.forget(pgid);
    const report: ExitReport = { id: m.spec.id, pid: m.pid, code: how.code, signal: how.signal, stoppedByUs: m.stoppedByUs, ...(m.forced ? { forced: true } : {}), ...(how.spawnError !== undefined ? { spawnError: how.spawnError } : {}) };
    m.exit = report;
    m.state = 'exited';
    this.listener.exited?.(report);
    m.resolve(report);
    if (cascade) void this.stopOthers(m.spec.id);
    if (![...this.procs.values()].some((p) => p.state !== 'exited')) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
    }
  }

  private async stopOthers(except: string): Promise<void> {
    this.stoppingAll++;
    try {
      await Promise.all([...this.procs.keys()].filter((id) => id !== except).map((id) => this.stop(id)));
    } finally {
      this.stoppingAll--;
    }
  }

  /** Output written just before the exit is still in the pipes: wait for both to close (bounded: a process that
   *  left the group, e.g. a daemon that called setsid, may hold them open). */
  private async streamsClosed(child: ChildProcess): Promise<void> {
    const open = [child.stdout, child.stderr].filter((s) => s && !s.closed);
    if (open.length) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.all(open.map((s) => new Promise((r) => s!.once('close', r)))),
        new Promise((r) => (timer = setTimeout(r, STREAM_CLOSE_MS))),
      ]);
      clearTimeout(timer); // else it holds the event loop (and a CLI's exit) for its full length
    }
    child.stdout?.destroy();
    child.stderr?.destroy();
    child.stdin?.destroy();
  }
}
