// Entry of dist/logs.js (scripts/build.mjs lazyBundles): log tails in output channels, loaded with the first Tail
// Logs. One channel per app ("Heroku Logs: APP", language heroku-log, kept after a stop with its text), one tail per
// app at a time, several apps at once. Every tail stops when the Heroku session changes (sign-out, another account or
// API URL: nothing restarts under a new identity unasked) and when the extension is deactivated.
import * as vscode from 'vscode';
import { clearedText } from '../../core/logs/channel-text';
import { codeAt, codeHoverMarkdown } from '../../core/logs/code-hover';
import { describeFilter } from '../../core/logs/filter';
import type { LogTailFilter, LogTailer } from '../../core/logs/ports';
import { tailRows, type TailRow } from '../../core/logs/rows';
import { scrollbackOf, SCROLLBACK_SETTING } from '../../core/logs/scrollback';
import { hasFilter, sameFilter, tailTargetOf } from '../../core/logs/target';
import { UserCancelled, UserFacingError, type CommandContext } from '../commands';
import { pickApp } from '../deploy/pick';
import type { Services } from '../services';
import { AppTail } from './app-tail';
import { pickFilter } from './filter-pick';
import { LogStatusItem } from './status';

/** What the test hook (heroku.logs.testState) reports. */
export interface LogsTestState {
  tails: { app: string; filter: LogTailFilter; status: string; written: number }[];
  /** Everything appended to each app's channel (the newest 1 MB). */
  channels: Record<string, string>;
  /** The Logs view's rows now. */
  rows: TailRow[];
}

const RECORD_LIMIT = 1 << 20;

const readScrollback = (): number => scrollbackOf(vscode.workspace.getConfiguration().get<unknown>(SCROLLBACK_SETTING));

interface Channel {
  out: vscode.OutputChannel;
  /** Characters appended since it was created or cleared. */
  chars: number;
  /** Tests only: what was appended. */
  record?: string;
}

export class LogsFeature implements vscode.Disposable {
  private readonly tails = new Map<string, AppTail>();
  private readonly channels = new Map<string, Channel>();
  private readonly status = new LogStatusItem();
  private readonly subs: vscode.Disposable[] = [];
  private readonly tailer: () => LogTailer;
  private disposed = false;
  /** Characters a channel keeps before it is cleared with a marker (heroku.logs.scrollback). */
  private scrollback = readScrollback();

  /** `changed`: a tail's state or figures changed (the Logs view redraws, paced). */
  constructor(private readonly services: Services, private readonly recording: boolean, private readonly changed: () => void = () => undefined) {
    this.tailer = () => services.logTailer();
    this.subs.push(vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration(SCROLLBACK_SETTING)) this.scrollback = readScrollback(); }));
    this.subs.push(services.heroku.onDidChangeSession(() =>
      this.stopAll(services.heroku.getClient() ? 'the Heroku session changed; run Heroku: Tail Logs again' : 'signed out of Heroku')));
  }

  async tail(ctx: CommandContext, arg: unknown): Promise<void> {
    const t = tailTargetOf(arg);
    if (!t.ok) throw new UserFacingError(t.error);
    await this.services.ready; // the token sources, read once after activation
    if (!this.services.heroku.getClient()) {
      const pick = await ctx.ui.showWarningMessage('Sign in to Heroku to tail logs.', {}, 'Sign In');
      if (pick === 'Sign In') void vscode.commands.executeCommand('heroku.signIn');
      throw new UserCancelled();
    }
    const app = await pickApp(ctx, this.services, t.target.app, undefined, 'App whose logs to tail');
    const filter: LogTailFilter = { dyno: t.target.dyno, type: t.target.type, source: t.target.source };
    const running = this.tails.get(app);
    if (running?.running) {
      // Tail Logs on a running app keeps its stream unless the caller asked for another filter (Run Detached's dyno).
      if (hasFilter(filter) && !sameFilter(filter, running.filter)) running.start(filter);
    } else {
      this.start(app, filter);
    }
    this.channel(app).out.show(true);
  }

  async stop(ctx: CommandContext, arg: unknown): Promise<void> {
    const chosen = await this.choose(ctx, arg, 'Stop which log tail?', true);
    for (const t of chosen) t.stop('stopped by you');
  }

  async filter(ctx: CommandContext, arg: unknown): Promise<void> {
    const [tail] = await this.choose(ctx, arg, 'Filter which log tail?', false);
    const given = tailTargetOf(arg);
    if (!given.ok) throw new UserFacingError(given.error);
    // `{ app, dyno?, type?, source? }` with a filter field sets that filter; otherwise ask.
    const explicit = typeof arg === 'object' && arg !== null && !('kind' in arg) && ['dyno', 'type', 'source'].some((k) => k in arg);
    const filter = explicit ? given.target : await pickFilter(ctx, this.services, tail.app, tail.filter);
    if (!sameFilter(filter, tail.filter)) tail.start(filter);
    this.channel(tail.app).out.show(true);
  }

  /** The status bar's click: show, filter or stop one tail, or stop them all. */
  async manage(ctx: CommandContext): Promise<void> {
    const running = this.running();
    if (running.length === 0) return;
    type Item = vscode.QuickPickItem & { run?: () => unknown };
    const items: Item[] = running.flatMap((t): Item[] => [
      { label: t.app, kind: vscode.QuickPickItemKind.Separator },
      { label: `$(output) Show ${t.app}`, description: describeFilter(t.filter) || 'all lines', run: () => this.channel(t.app).out.show(true) },
      { label: `$(filter) Filter ${t.app}…`, run: () => this.filter(ctx, t.app) },
      { label: `$(debug-stop) Stop ${t.app}`, run: () => t.stop('stopped by you') },
    ]);
    if (running.length > 1) items.push({ label: '', kind: vscode.QuickPickItemKind.Separator }, { label: '$(debug-stop) Stop all log tails', run: () => this.stopAll('stopped by you') });
    const pick = await ctx.ui.showQuickPick(items, { placeHolder: 'Heroku log tails' });
    await pick?.run?.();
  }

  /** The Logs view's "Show": the channel of the row's (or the named) app. */
  async show(ctx: CommandContext, arg: unknown): Promise<void> {
    const named = tailTargetOf(arg);
    const app = named.ok && named.target.app ? named.target.app : (await this.choose(ctx, arg, 'Show which log channel?', false))[0].app;
    const c = this.channels.get(app);
    if (!c) throw new UserFacingError(`There is no log channel of ${app}.`);
    c.out.show(true);
  }

  rows(): TailRow[] {
    return tailRows([...this.tails.values()].map((t) => t.figures()));
  }

  anyRunning(): boolean {
    return this.running().length > 0;
  }

  testState(): LogsTestState {
    return {
      tails: [...this.tails.values()].map((t) => ({ app: t.app, filter: t.filter, status: t.status, written: t.written })),
      channels: Object.fromEntries([...this.channels].map(([app, c]) => [app, c.record ?? ''])),
      rows: this.rows(),
    };
  }

  stopAll(reason: string): void {
    for (const t of this.running()) t.stop(reason);
  }

  dispose(): void {
    this.stopAll('VS Code closed the extension');
    this.disposed = true;
    for (const d of this.subs.splice(0)) d.dispose();
    for (const c of this.channels.values()) c.out.dispose();
    this.channels.clear();
    this.status.dispose();
  }

  private running(): AppTail[] {
    return [...this.tails.values()].filter((t) => t.running);
  }

  private start(app: string, filter: LogTailFilter): void {
    const channel = this.channel(app);
    const tail = new AppTail({
      app, tailer: this.tailer(),
      sink: { append: (text) => this.append(channel, text) },
      timeOfDay: () => new Date(this.services.clock.now()).toTimeString().slice(0, 8),
      now: () => this.services.clock.now(),
      onChange: () => { this.status.update([...this.tails.values()]); this.changed(); },
      onCount: () => this.changed(),
      onError: (err) => this.services.log.error(`the log tail of ${app} failed`, err),
      onFailed: (_t, text) => void this.services.commands.ui.showWarningMessage(`Heroku logs of ${app}: ${this.services.redactor.redact(text.replace(/^— | —$/g, ''))}`, {}, 'Show Output')
        .then((pick) => { if (pick === 'Show Output') channel.out.show(true); }),
    });
    this.tails.set(app, tail);
    tail.start(filter);
  }

  private append(channel: Channel, text: string): void {
    if (this.disposed) return;
    let safe = this.services.redactor.redact(text);
    const limit = this.scrollback;
    if (channel.chars > 0 && channel.chars + safe.length > limit) {
      channel.out.clear();
      channel.chars = 0;
      safe = `${clearedText(limit)}\n${safe}`;
    }
    channel.chars += safe.length;
    channel.out.append(safe);
    if (channel.record !== undefined) {
      channel.record += safe;
      if (channel.record.length > RECORD_LIMIT * 2) channel.record = channel.record.slice(-RECORD_LIMIT);
    }
  }

  private channel(app: string): Channel {
    let c = this.channels.get(app);
    if (!c) {
      c = { out: vscode.window.createOutputChannel(`Heroku Logs: ${app}`, 'heroku-log'), chars: 0, record: this.recording ? '' : undefined };
      this.channels.set(app, c);
    }
    return c;
  }

  /** The tails an argument names (an app, a node, `{app}`), else the only one, else a pick (with "all" if `all`). */
  private async choose(ctx: CommandContext, arg: unknown, title: string, all: boolean): Promise<AppTail[]> {
    const running = this.running();
    const named = tailTargetOf(arg);
    const app = named.ok ? named.target.app : undefined;
    if (app) {
      const t = this.tails.get(app);
      if (!t?.running) throw new UserFacingError(`No log tail of ${app} is running.`);
      return [t];
    }
    if (running.length === 0) throw new UserFacingError('No Heroku log tail is running.');
    if (running.length === 1) return running;
    type Item = vscode.QuickPickItem & { tails: AppTail[] };
    const items: Item[] = running.map((t) => ({ label: t.app, description: describeFilter(t.filter) || 'all lines', tails: [t] }));
    if (all) items.push({ label: 'All log tails', description: `${running.length} running`, tails: running });
    const pick = await ctx.ui.showQuickPick(items, { placeHolder: title });
    if (!pick) throw new UserCancelled();
    return pick.tails;
  }
}

export function createLogsFeature(services: Services, changed?: () => void): LogsFeature {
  return new LogsFeature(services, services.context.extensionMode !== vscode.ExtensionMode.Production, changed);
}

/** The hover over an error code (H12, R14, L10…) of a heroku-log line: its meaning and its Dev Center link. */
export function errorCodeHover(line: string, pos: vscode.Position): vscode.Hover | undefined {
  const found = codeAt(line, pos.character);
  if (!found) return undefined;
  const md = new vscode.MarkdownString(codeHoverMarkdown(found.info));
  md.isTrusted = false;
  return new vscode.Hover(md, new vscode.Range(pos.line, found.start, pos.line, found.end));
}
