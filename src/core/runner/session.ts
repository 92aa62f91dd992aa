// The local runner's processes in the editor: which run, their state (running, exited with a code, restarting),
// their output (each keeps a bounded scrollback for a terminal opened later), and one process restarted or
// stopped on its own. Processes outlive one another by default ('keep-running'): in the editor each has its own
// terminal and row, so a crashed worker is shown as exited instead of taking the web process down with it. With
// `stopAllWhenOneExits` (the heroku.local.stopAllWhenOneExits setting, read at each exit) a process that ends on its
// own stops the rest of its run, as heroku local does. The supervisor (a port) does the process work; time (when a
// process started, for its uptime) comes from the Clock port.
import { Emitter } from '../event';
import type { Clock } from '../heroku/ports';
import type { IDisposable } from '../lifecycle';
import { describeExit, failed, type ProcessExit } from './exit';
import type { PlannedProcess } from './plan';
import type { LocalIo, ProcessSupervisorPort, SupervisedExit } from './supervisor-port';

export type LocalState = 'starting' | 'running' | 'stopping' | 'restarting' | 'exited';

export interface LocalProcess {
  name: string;
  type: string;
  command: string;
  port?: number;
  cwd: string;
  /** The release phase (runs once before the others). */
  release: boolean;
  state: LocalState;
  pid?: number;
  /** When the running process started (ms since the epoch, from the session's clock); unset when not running. */
  startedAt?: number;
  /** Its exit, while it is exited. */
  exit?: ProcessExit;
  /** The latest exit of this row, kept across restarts (a restart's own stop does not count). */
  lastExit?: ProcessExit;
  /** Times it was restarted in this session (Restart, Enter in its terminal). */
  restarts: number;
  /** The run that started it (a task's terminal follows the processes of its own run). */
  run: number;
}

export type SessionEvent =
  | { kind: 'output'; name: string; text: string }
  | { kind: 'started'; name: string; pid: number }
  | { kind: 'stopping'; name: string; /** Why, when not asked for directly (another process exited). */ cause?: string }
  | { kind: 'restarting'; name: string }
  | { kind: 'exited'; name: string; exit: ProcessExit };

export interface RunRequest {
  processes: readonly PlannedProcess[];
  release?: PlannedProcess;
  cwd: string;
  /** Told the run's number before anything starts (to follow its processes' events from the first). */
  onRun?(run: number): void;
}

export type RunOutcome =
  | { ok: true; run: number; started: string[] }
  | { ok: false; run: number; error: string; release?: ProcessExit };

interface Entry extends LocalProcess {
  env: Record<string, string>;
  scrollback: string;
}

/** Characters of output each process keeps for a terminal opened later. */
export const SCROLLBACK_CHARS = 200_000;

function toExit(r: SupervisedExit): ProcessExit {
  return { name: r.id, code: r.code, signal: r.signal, stoppedByUs: r.stoppedByUs, ...(r.forced ? { forced: true } : {}), ...(r.spawnError !== undefined ? { spawnError: r.spawnError } : {}) };
}

export interface SessionOptions {
  clock: Clock;
  /** Between SIGTERM and SIGKILL (default 5000). */
  graceMs?: number;
  /** Read at each exit: true stops the other processes of a run when one of them ends on its own. */
  stopAllWhenOneExits?: () => boolean;
}

export class LocalSession implements IDisposable {
  private readonly entries = new Map<string, Entry>();
  private readonly events = new Emitter<SessionEvent>();
  private readonly changes = new Emitter<void>();
  private readonly waiters = new Map<string, Array<(e: ProcessExit) => void>>();
  private sup: ProcessSupervisorPort | undefined;
  private runs = 0;
  private disposed = false;

  /** Output, starts and exits of every process. */
  readonly onEvent = this.events.event;
  /** The list or a state changed (for the view). */
  readonly onDidChange = this.changes.event;

  private readonly clock: Clock;
  private readonly graceMs: number;

  constructor(private readonly io: LocalIo, private readonly options: SessionOptions) {
    this.clock = options.clock;
    this.graceMs = options.graceMs ?? 5000;
  }

  list(): LocalProcess[] {
    return [...this.entries.values()].map(({ env: _env, scrollback: _s, ...p }) => ({ ...p }));
  }

  get(name: string): LocalProcess | undefined {
    return this.list().find((p) => p.name === name);
  }

  /** The output kept for `name` (raw lines, as the process wrote them). */
  scrollback(name: string): string {
    return this.entries.get(name)?.scrollback ?? '';
  }

  /** Names of `names` that have not exited. */
  busy(names: readonly string[]): string[] {
    return names.filter((n) => { const e = this.entries.get(n); return e !== undefined && e.state !== 'exited'; });
  }

  /** Starts a run: the release phase first (to completion; nothing else starts if it fails), then the rest. */
  async run(req: RunRequest): Promise<RunOutcome> {
    const run = ++this.runs;
    req.onRun?.(run);
    const all = [...(req.release ? [req.release] : []), ...req.processes];
    const busy = this.busy(all.map((p) => p.name));
    if (busy.length) return { ok: false, run, error: `already running: ${busy.join(', ')}` };
    if (this.disposed) return { ok: false, run, error: 'the local runner has stopped' };
    if (req.release) {
      const exit = await this.startAndWait(req.release, req.cwd, run);
      if (failed(exit) || exit.stoppedByUs) return { ok: false, run, error: `${req.release.name} did not succeed: nothing else was started`, release: exit };
    }
    for (const p of req.processes) this.startOne(p, req.cwd, run, false);
    return { ok: true, run, started: all.map((p) => p.name) };
  }

  /** Stops `name` if it runs and starts it again with the same command and environment. */
  async restart(name: string): Promise<void> {
    const e = this.entries.get(name);
    if (!e || e.state === 'restarting' || this.disposed) return;
    e.restarts++;
    const running = e.state !== 'exited';
    this.setState(e, 'restarting');
    this.events.fire({ kind: 'restarting', name });
    if (running) {
      const r = await this.supervisor().restart(name);
      if (!r.ok) this.startFailed(e, r.error);
    } else {
      this.launch(e);
    }
  }

  async stop(name: string, cause?: string): Promise<void> {
    const e = this.entries.get(name);
    if (!e || e.state === 'exited') return;
    this.setState(e, 'stopping');
    this.events.fire({ kind: 'stopping', name, ...(cause !== undefined ? { cause } : {}) });
    await this.sup?.stop(name);
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.entries.keys()].map((n) => this.stop(n)));
  }

  /** Stops (if need be) and forgets `name`: its row goes. */
  async remove(name: string): Promise<void> {
    await this.stop(name);
    if (this.entries.delete(name)) this.changes.fire();
  }

  /** Resolves with the next exit of `name` (at once when it has exited). */
  exited(name: string): Promise<ProcessExit | undefined> {
    const e = this.entries.get(name);
    if (!e) return Promise.resolve(undefined);
    if (e.state === 'exited' && e.exit) return Promise.resolve(e.exit);
    return new Promise((r) => this.waiters.set(name, [...(this.waiters.get(name) ?? []), r]));
  }

  /** Stops everything and lets the supervisor (and its watchdog) go. SIGTERM goes out before this returns. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    for (const e of this.entries.values()) if (e.state !== 'exited') this.setState(e, 'stopping');
    await this.sup?.dispose();
    this.events.dispose();
    this.changes.dispose();
  }

  private supervisor(): ProcessSupervisorPort {
    this.sup ??= this.io.createSupervisor({
      output: (id, _stream, lines) => this.output(id, lines),
      started: (id, pid) => {
        const e = this.entries.get(id);
        if (!e) return;
        e.pid = pid;
        e.startedAt = this.clock.now();
        e.exit = undefined;
        this.setState(e, 'running');
        this.events.fire({ kind: 'started', name: id, pid });
      },
      exited: (r) => this.finished(r.id, toExit(r)),
    }, { graceMs: this.graceMs, onExit: 'keep-running', forceColor: true });
    return this.sup;
  }

  private startOne(p: PlannedProcess, cwd: string, run: number, release: boolean): Entry {
    const e: Entry = { name: p.name, type: p.type, command: p.command, port: p.port, cwd, release, state: 'starting', restarts: 0, run, env: p.env, scrollback: '' };
    this.entries.set(p.name, e);
    this.changes.fire();
    this.launch(e);
    return e;
  }

  private async startAndWait(p: PlannedProcess, cwd: string, run: number): Promise<ProcessExit> {
    const waiting = new Promise<ProcessExit>((r) => this.waiters.set(p.name, [r]));
    this.startOne(p, cwd, run, true);
    return waiting;
  }

  private launch(e: Entry): void {
    const r = this.supervisor().start({ id: e.name, command: e.command, env: e.env, cwd: e.cwd });
    if (!r.ok) this.startFailed(e, r.error);
  }

  private startFailed(e: Entry, error: string): void {
    this.finished(e.name, { name: e.name, code: null, signal: null, stoppedByUs: false, spawnError: error });
  }

  private output(name: string, text: string): void {
    const e = this.entries.get(name);
    if (!e) return;
    e.scrollback += text;
    if (e.scrollback.length > SCROLLBACK_CHARS) {
      const cut = e.scrollback.indexOf('\n', e.scrollback.length - SCROLLBACK_CHARS);
      e.scrollback = e.scrollback.slice(cut < 0 ? e.scrollback.length - SCROLLBACK_CHARS : cut + 1);
    }
    this.events.fire({ kind: 'output', name, text });
  }

  private finished(name: string, exit: ProcessExit): void {
    const e = this.entries.get(name);
    if (!e) return;
    const restarting = e.state === 'restarting';
    e.exit = exit;
    e.pid = undefined;
    e.startedAt = undefined;
    if (!restarting || !exit.stoppedByUs) e.lastExit = exit;
    // A restart's stop: the row says "restarting" until the new process has started.
    if (!restarting || exit.spawnError !== undefined) this.setState(e, 'exited');
    this.events.fire({ kind: 'exited', name, exit });
    const waiting = this.waiters.get(name) ?? [];
    this.waiters.delete(name);
    for (const w of waiting) w(exit);
    if (!restarting && !exit.stoppedByUs && !e.release && !this.disposed && this.options.stopAllWhenOneExits?.()) this.stopRunOf(e);
  }

  /** heroku local's rule: `e` ended on its own, so the other processes of its run stop. */
  private stopRunOf(e: Entry): void {
    const cause = `${e.name} ${describeExit(e.exit!)} (heroku.local.stopAllWhenOneExits)`;
    for (const other of this.entries.values()) {
      if (other !== e && other.run === e.run && other.state !== 'exited') void this.stop(other.name, cause);
    }
  }

  private setState(e: Entry, state: LocalState): void {
    e.state = state;
    this.changes.fire();
  }
}
