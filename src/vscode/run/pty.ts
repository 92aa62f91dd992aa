// The one-off dyno's VS Code terminal: a Pseudoterminal joined to the rendezvous socket. Keystrokes go to the
// dyno as typed (Ctrl-C is "\x03", which the dyno's terminal turns into SIGINT), its output comes back with its
// colours, the terminal's size is sent when the dyno starts, the exit status is written at the end, and closing
// the terminal stops the dyno. Rendezvous has no resize message: a later resize is not seen by the dyno.
// A Fir app's dyno is reached over SSH instead (its https attach URL is a tunnel; the machine's own ssh joins it,
// src/infra/rendezvous/ssh-session.ts) once it is up: same terminal, same keystrokes, ssh's exit status.
import * as vscode from 'vscode';
import { describeEnd, startOneOff, waitForDyno } from '../../core/deploy/run';
import type { DeployIo, RendezvousSession, SessionEnd } from '../../core/deploy/ports';
import { printable } from '../../core/deploy/text';

export interface DynoRun {
  app: string;
  command: string;
  size?: string;
  /** The one-off dyno calls and the rendezvous connection. */
  io: DeployIo;
  log: { info(m: string): void; warn(m: string): void };
}

export interface DynoResult {
  dyno?: string;
  end?: SessionEnd;
  /** Why it did not start (then `end` is undefined). */
  error?: string;
  /** What the dyno printed (exit-status line removed), for tests. */
  output: string;
}

const dim = (s: string) => `\u001b[2m${s}\u001b[0m`;

export class DynoPseudoterminal implements vscode.Pseudoterminal {
  private readonly writeEmitter = new vscode.EventEmitter<string>();
  private readonly closeEmitter = new vscode.EventEmitter<number | void>();
  readonly onDidWrite = this.writeEmitter.event;
  readonly onDidClose = this.closeEmitter.event;
  private session: RendezvousSession | undefined;
  private dyno: string | undefined;
  private ended = false;
  private closed = false;
  private pending: string[] = [];
  private output = '';
  private atLineStart = true;
  private readonly abort = new AbortController();
  private settle!: (r: DynoResult) => void;
  /** Settles when the command ended, could not start, or the terminal was closed. */
  readonly done: Promise<DynoResult> = new Promise((resolve) => { this.settle = resolve; });

  constructor(private readonly run: DynoRun) {}

  open(size: vscode.TerminalDimensions | undefined): void {
    void this.start(size);
  }

  private async start(size: vscode.TerminalDimensions | undefined): Promise<void> {
    const { app, command } = this.run;
    this.note(`Starting a one-off dyno on ${app}: ${command}${this.run.size ? ` (${this.run.size})` : ''}…`);
    const started = await startOneOff(this.run.io.oneOff, {
      app, command, size: this.run.size, attach: true, term: 'xterm-256color', columns: size?.columns, rows: size?.rows, signal: this.abort.signal,
    });
    if (!started.ok) {
      this.ended = true;
      if (!started.cancelled) this.note(started.message);
      this.note('Press any key to close the terminal.');
      this.settle({ error: started.message, output: '' });
      return;
    }
    this.dyno = started.dyno.name;
    this.run.log.info(`one-off dyno ${this.dyno} on ${app}: ${command}`);
    if (this.closed) return void this.stopDyno();
    const handlers = {
      onReady: () => {
        this.note(`Attached to ${this.dyno} (${started.dyno.size}).`);
        for (const k of this.pending.splice(0)) this.session?.write(k);
      },
      onData: (text: string) => {
        this.output += text;
        this.atLineStart = /\n$/.test(text);
        this.writeEmitter.fire(text);
      },
      onEnd: (end: SessionEnd) => this.finish(end),
    };
    const { io } = this.run;
    if (started.tunnel) {
      // Fir: the dyno is reached over SSH once it is up.
      this.note(`${app} is a Fir app: waiting for ${this.dyno}, then joining it with ssh…`);
      const up = await waitForDyno(io.oneOff, io.clock, app, this.dyno, this.abort.signal);
      if (this.closed) return;
      if (!up.ok) return this.finish({ kind: 'refused', message: up.message });
      this.session = io.connectSsh({
        app, attachUrl: started.tunnel.url, verifyCertificate: io.verifyCertificate(started.tunnel.host, io.apiUrl()),
        signal: this.abort.signal, term: 'xterm-256color',
      }, handlers);
      return;
    }
    this.session = io.connect({
      attachUrl: started.dyno.attach_url ?? '',
      verifyCertificate: io.verifyCertificate(started.attach!.host, io.apiUrl()),
      signal: this.abort.signal,
    }, handlers);
  }

  private finish(end: SessionEnd): void {
    if (this.ended) return;
    this.ended = true;
    const { text } = describeEnd(end, this.dyno ?? 'the dyno');
    if (!this.closed) {
      this.note(text);
      this.note('Press any key to close the terminal.');
    }
    if (end.kind !== 'exited') void this.stopDyno();
    this.settle({ dyno: this.dyno, end, output: this.output });
  }

  handleInput(data: string): void {
    if (this.ended) {
      this.close();
      this.closeEmitter.fire();
      return;
    }
    if (this.session?.ready) this.session.write(data);
    else this.pending.push(data);
  }

  /** The user closed the terminal (or the extension stops): hang up and stop the dyno. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.abort.abort();
    this.session?.close();
    if (!this.ended) {
      this.ended = true;
      void this.stopDyno();
      this.settle({ dyno: this.dyno, end: { kind: 'cancelled' }, output: this.output });
    }
  }

  private async stopDyno(): Promise<void> {
    if (!this.dyno) return;
    const r = await this.run.io.oneOff.stopDyno(this.run.app, this.dyno);
    if (!r.ok && r.error.status !== 404) this.run.log.warn(`could not stop ${this.dyno} on ${this.run.app}: ${r.error.message}`);
  }

  /** A line of ours (dimmed), on a line of its own. */
  private note(text: string): void {
    this.writeEmitter.fire(`${this.atLineStart ? '' : '\r\n'}${dim(printable(text))}\r\n`);
    this.atLineStart = true;
  }
}
