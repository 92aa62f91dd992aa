// One process's terminal ("web.1 · local"): a Pseudoterminal fed by the session's output for that process, with
// its colours (SGR kept) and every other control sequence shown escaped (core/runner/terminal-text.ts). Typing
// Ctrl+C stops that process alone; once it has ended, Enter starts it again. Closing the terminal stops the
// process and forgets its row. Output that came before the terminal opened (or before it was created: a process a
// task started) is replayed from the session's scrollback.
import * as vscode from 'vscode';
import { describeExit } from '../../core/runner/exit';
import type { LocalSession, SessionEvent } from '../../core/runner/session';
import { terminalLines, terminalNote } from '../../core/runner/terminal-text';

/** What a test may read: the text written to the terminal, bounded. */
const KEEP_WRITTEN = 100_000;

export class ProcessTerminal implements vscode.Pseudoterminal, vscode.Disposable {
  private readonly writeEmitter = new vscode.EventEmitter<string>();
  private readonly closeEmitter = new vscode.EventEmitter<number | void>();
  readonly onDidWrite = this.writeEmitter.event;
  readonly onDidClose = this.closeEmitter.event;
  readonly terminal: vscode.Terminal;
  private opened = false;
  private pending = '';
  private sub: { dispose(): unknown } | undefined;
  private closedByUser = true;
  /** Everything written (for the test hook). */
  written = '';

  constructor(private readonly session: LocalSession, readonly name: string, private readonly onClosed: (name: string) => void) {
    const p = session.get(name);
    const replay = session.scrollback(name);
    if (p) this.write(terminalNote(`${name}: ${p.command}${p.port !== undefined ? `  (PORT=${p.port})` : ''}${p.pid !== undefined ? `, pid ${p.pid}` : ''}`));
    if (replay) this.write(terminalLines(replay));
    if (p?.state === 'exited' && p.exit) this.write(terminalNote(`${describeExit(p.exit)}. Press Enter to start it again.`));
    this.sub = session.onEvent((e) => { if (e.name === name) this.onEvent(e); });
    this.terminal = vscode.window.createTerminal({ name: `${name} · local`, pty: this, iconPath: new vscode.ThemeIcon('server-process') });
  }

  private onEvent(e: SessionEvent): void {
    switch (e.kind) {
      case 'output': return this.write(terminalLines(e.text));
      case 'started': return this.write(terminalNote(`started with pid ${e.pid}`));
      case 'stopping': return this.write(terminalNote(`stopping ${this.name}${e.cause ? `: ${e.cause}` : ''}…`));
      case 'restarting': return this.write(terminalNote(`restarting ${this.name}…`));
      case 'exited': {
        const again = this.session.get(this.name)?.state === 'exited';
        return this.write(terminalNote(`${this.name} ${describeExit(e.exit)}${again ? '. Press Enter to start it again.' : ''}`));
      }
    }
  }

  open(): void {
    this.opened = true;
    if (this.pending) this.writeEmitter.fire(this.pending);
    this.pending = '';
  }

  handleInput(data: string): void {
    const p = this.session.get(this.name);
    if (!p) return;
    if (data.includes('\x03') && p.state !== 'exited') {
      this.write(terminalNote('^C'));
      void this.session.stop(this.name);
    } else if (data.includes('\r') && p.state === 'exited') {
      void this.session.restart(this.name);
    }
  }

  /** The user closed the terminal (not dispose()): the process stops and its row goes. */
  close(): void {
    this.sub?.dispose();
    this.sub = undefined;
    if (this.closedByUser) this.onClosed(this.name);
  }

  private write(text: string): void {
    this.written = (this.written + text).slice(-KEEP_WRITTEN);
    if (this.opened) this.writeEmitter.fire(text);
    else this.pending = (this.pending + text).slice(-KEEP_WRITTEN);
  }

  /** The extension stops: the terminal goes without stopping anything itself (the session does). */
  dispose(): void {
    this.closedByUser = false;
    this.sub?.dispose();
    this.terminal.dispose();
    this.writeEmitter.dispose();
    this.closeEmitter.dispose();
  }
}
