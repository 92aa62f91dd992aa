// The status bar item while log tails run: how many, spinning while one reconnects; its tooltip names each app with
// its filter and state, and a click opens the tails' quick pick (show, change filter, stop). Hidden when none runs;
// the `heroku.logs.running` context key drives the palette's Stop/Filter Logs.
import * as vscode from 'vscode';
import { describeFilter } from '../../core/logs/filter';
import type { AppTail } from './app-tail';

export const MANAGE_COMMAND = 'heroku.logs.manage';
export const RUNNING_CONTEXT = 'heroku.logs.running';

export class LogStatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('heroku.logs', vscode.StatusBarAlignment.Left, 49);
  private lastCount = -1;

  constructor() {
    this.item.name = 'Heroku Log Tails';
    this.item.command = MANAGE_COMMAND;
  }

  update(tails: readonly AppTail[]): void {
    const running = tails.filter((t) => t.running);
    if (running.length !== this.lastCount) {
      void vscode.commands.executeCommand('setContext', RUNNING_CONTEXT, running.length > 0);
      this.lastCount = running.length;
    }
    if (running.length === 0) {
      this.item.hide();
      return;
    }
    const waiting = running.some((t) => t.status !== 'live');
    const label = running.length === 1 ? `${running[0].app} logs` : `${running.length} log tails`;
    this.item.text = `${waiting ? '$(sync~spin)' : '$(output)'} ${label}`;
    const tip = new vscode.MarkdownString('**Heroku log tails**\n\n', true);
    for (const t of running) {
      const state = t.status === 'live' ? 'live' : t.detail ? `${t.status}: ${t.detail}` : t.status;
      tip.appendMarkdown('- ');
      tip.appendText(`${t.app} · ${describeFilter(t.filter) || 'all lines'} · ${state}`);
      tip.appendMarkdown('\n');
    }
    tip.appendMarkdown('\nClick to show, filter or stop.');
    this.item.tooltip = tip;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    void vscode.commands.executeCommand('setContext', RUNNING_CONTEXT, false);
  }
}
