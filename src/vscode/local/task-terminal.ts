// The terminal of a `heroku` (or `heroku-local`) task (tasks.json, Run Task): the processes of one run in one
// terminal, each line prefixed with its coloured name as heroku local prints it, colours of the processes kept and
// every other control sequence escaped. The processes are the session's (they show in the Local Processes view
// too). Ctrl+C or terminating the task stops them; the task ends when all of them have ended, with the first
// failure's status.
import * as vscode from 'vscode';
import { describeExit, exitStatus, failed, type ProcessExit } from '../../core/runner/exit';
import { colourCode, paint } from '../../core/runner/output';
import type { LocalSession, RunOutcome } from '../../core/runner/session';
import { terminalLines, terminalNote } from '../../core/runner/terminal-text';

export type TaskStart = (onRun: (run: number) => void) => Promise<{ ok: true; outcome: RunOutcome; notes: string[] } | { ok: false; message: string }>;

export class TaskTerminal implements vscode.Pseudoterminal {
  private readonly writeEmitter = new vscode.EventEmitter<string>();
  private readonly closeEmitter = new vscode.EventEmitter<number | void>();
  readonly onDidWrite = this.writeEmitter.event;
  readonly onDidClose = this.closeEmitter.event;
  private names: string[] = [];
  /** Names are padded to this width (`worker.1` is the usual longest). */
  private readonly width = 8;
  private readonly exits = new Map<string, ProcessExit>();
  private sub: { dispose(): unknown } | undefined;
  private rowsSub: { dispose(): unknown } | undefined;
  private ended = false;
  /** The run's processes have all been started (or refused). */
  private running = false;

  constructor(private readonly session: LocalSession, private readonly start: TaskStart) {}

  open(): void {
    void this.begin();
  }

  private async begin(): Promise<void> {
    // Subscribed before the start, so no first line is missed; events of other runs are left out.
    let run: number | undefined;
    this.sub = this.session.onEvent((e) => {
      if (run === undefined || this.session.get(e.name)?.run !== run) return;
      if (!this.names.includes(e.name)) this.names.push(e.name);
      this.onEvent(e.name, e);
    });
    this.rowsSub = this.session.onDidChange(this.onRows);
    const r = await this.start((n) => { run = n; });
    if (!r.ok) return this.end(1, r.message);
    for (const n of r.notes) this.writeEmitter.fire(terminalNote(n));
    const outcome = r.outcome;
    run = outcome.run;
    this.names = this.session.list().filter((p) => p.run === run).map((p) => p.name);
    this.running = true;
    if (!outcome.ok) return this.end(outcome.release ? exitStatus(outcome.release) || 1 : 1, outcome.error);
    this.checkDone();
  }

  private onEvent(name: string, e: Parameters<Parameters<LocalSession['onEvent']>[0]>[0]): void {
    const index = Math.max(0, this.names.indexOf(name));
    const prefix = paint(`${name.padEnd(this.width)} |`, colourCode(index)) + ' ';
    if (e.kind === 'output') this.writeEmitter.fire(terminalLines(e.text, { prefix, resetEachLine: true }));
    else if (e.kind === 'started') this.writeEmitter.fire(prefix + terminalNote(`started with pid ${e.pid}`));
    else if (e.kind === 'exited') {
      this.writeEmitter.fire(prefix + terminalNote(describeExit(e.exit)));
      if (this.session.get(name)?.state === 'exited') this.exits.set(name, e.exit);
      this.checkDone();
    }
  }

  /** The session's rows changed: one of ours may have gone (removed after its exit). */
  private readonly onRows = (): void => this.checkDone();

  private checkDone(): void {
    // Not before the run has started everything: the release phase ends before the others start.
    if (this.ended || !this.running || this.names.length === 0) return;
    // A process whose row is gone (its terminal was closed) has ended too.
    const left = this.names.filter((n) => { const p = this.session.get(n); return p !== undefined && p.state !== 'exited'; });
    if (left.length) return;
    const exits = this.names.map((n) => this.exits.get(n) ?? this.session.get(n)?.exit).filter((e): e is ProcessExit => e !== undefined);
    const first = exits.find(failed);
    this.end(first ? exitStatus(first) || 1 : 0, 'all processes have ended');
  }

  private end(code: number, message: string): void {
    if (this.ended) return;
    this.ended = true;
    this.writeEmitter.fire(terminalNote(message));
    this.sub?.dispose();
    this.rowsSub?.dispose();
    this.closeEmitter.fire(code);
  }

  handleInput(data: string): void {
    if (data.includes('\x03')) this.stop();
  }

  /** Terminate Task, or the terminal closed. */
  close(): void {
    this.stop();
  }

  private stop(): void {
    for (const n of this.names) void this.session.stop(n);
  }
}
