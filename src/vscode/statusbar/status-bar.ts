// The status bar item for the workspace's Heroku app (found from git remotes): name, current release and dyno
// health, refreshed on sign-in changes, after any action changed the app (services.heroku.onDidChangeApp, from
// the tree, the palette or this item's own quick pick) and on the explorer's interval (ETags make unchanged
// refreshes 304s). Clicking it opens a quick pick of the explorer's actions for that app.
import * as vscode from 'vscode';
import { describeError } from '../log';
import type { CommandContext } from '../commands';
import type { Services } from '../services';
import { appStatus, type AppStatusInput, type StatusView } from './model';

export const ACTIONS_COMMAND = 'heroku.statusBar.actions';
export const REFRESH_COMMAND = 'heroku.statusBar.refresh';
const PICKED_KEY = 'heroku.statusBar.app';

interface Action extends vscode.QuickPickItem {
  command?: string;
  switchTo?: string;
}

export class HerokuStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly subs: vscode.Disposable[] = [];
  private apps: string[] = [];
  private timer: ReturnType<typeof setInterval> | undefined;
  private loading: Promise<StatusView | undefined> | undefined;
  /** Aborts the load in flight when a newer one supersedes it or the item is disposed. */
  private inFlight: AbortController | undefined;
  private view: StatusView | undefined;
  private last: AppStatusInput | undefined;
  private maintenance = false;

  constructor(private readonly services: Services) {
    this.item = vscode.window.createStatusBarItem('heroku.app', vscode.StatusBarAlignment.Left, 50);
    this.item.name = 'Heroku App';
    this.item.command = ACTIONS_COMMAND;
    const { commands, heroku } = services;
    this.subs.push(
      this.item,
      commands.register(ACTIONS_COMMAND, (ctx) => this.showActions(ctx)),
      commands.register(REFRESH_COMMAND, () => this.refresh()),
      heroku.onDidChangeSession(() => void this.refresh({ restart: true })),
      heroku.onDidChangeApp((app) => { if (app === this.app) void this.refresh({ restart: true }); }),
      heroku.onDidChangeRateLimit((n) => this.noteRateLimit(n)),
      services.remotes.onDidChange(() => void this.discover()),
      vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('heroku.explorer.refreshInterval')) this.schedule(); }),
    );
    this.schedule();
  }

  /** The app shown: the one picked earlier, else the first `heroku` remote's, else the first found. */
  get app(): string | undefined {
    const picked = this.services.context.workspaceState.get<string>(PICKED_KEY);
    return picked && this.apps.includes(picked) ? picked : this.apps[0];
  }

  async discover(): Promise<void> {
    const found = [...(await this.services.remotes.find())];
    found.sort((a, b) => Number(b.remote === 'heroku') - Number(a.remote === 'heroku'));
    this.apps = [...new Set(found.map((r) => r.app))];
    await this.refresh();
  }

  /**
   * Reloads the app's facts and hides the item when there is no workspace app. Concurrent calls share one load;
   * `restart` (the app changed meanwhile) aborts the one in flight, whose answers may be from before the change.
   * Never rejects: a failure shows in the item.
   */
  refresh(o: { restart?: boolean } = {}): Promise<StatusView | undefined> {
    if (o.restart && this.loading) {
      this.inFlight?.abort();
      this.loading = undefined;
    }
    if (!this.loading) {
      const ac = new AbortController();
      this.inFlight = ac;
      const loading: Promise<StatusView | undefined> = this.load(ac.signal).finally(() => {
        if (this.loading === loading) this.loading = undefined;
      });
      this.loading = loading;
    }
    return this.loading;
  }

  private async load(signal: AbortSignal): Promise<StatusView | undefined> {
    const app = this.app;
    try {
      if (!app) {
        this.item.hide();
        return undefined;
      }
      const client = this.services.heroku.getClient();
      if (!client) {
        this.render(appStatus({ app, error: { id: 'no_token', message: 'Not signed in.', status: 0, method: 'GET', path: '' } }));
        return this.view;
      }
      const o = { signal };
      const [info, releases, dynos] = await Promise.all([client.app(app, o), client.releases(app, 5, o), client.dynos(app, o)]);
      if (signal.aborted) return this.view; // superseded or disposed: a newer load renders
      const error = [info, releases, dynos].find((r) => !r.ok);
      this.maintenance = info.ok && info.value.maintenance === true;
      this.last = {
        app,
        info: info.ok ? info.value : undefined,
        releases: releases.ok ? releases.value : undefined,
        dynos: dynos.ok ? dynos.value : undefined,
        error: error && !error.ok ? error.error : undefined,
        rateLimitRemaining: client.rateLimitRemaining,
      };
      this.render(appStatus(this.last));
    } catch (err) {
      // A bug or an answer nobody expected must not leave the item stale or reject into a `void`.
      this.services.log.error(`status bar: could not show ${app ?? 'the workspace app'}`, err);
      if (app && !signal.aborted) {
        this.last = undefined;
        this.render({ text: `$(warning) ${app}`, tooltip: `Heroku app ${app}\nCould not show its status: ${describeError(err)}\nClick for actions.`, severity: 'error' });
      }
    }
    return this.view;
  }

  /** A new RateLimit-Remaining: re-render what is shown with it (no request). */
  private noteRateLimit(remaining: number): void {
    if (!this.last || this.last.app !== this.app || this.last.rateLimitRemaining === remaining) return;
    this.last = { ...this.last, rateLimitRemaining: remaining };
    try {
      this.render(appStatus(this.last));
    } catch (err) {
      this.services.log.error('status bar: could not show the rate limit', err);
    }
  }

  private render(v: StatusView): void {
    this.view = v;
    this.item.text = v.text;
    this.item.tooltip = v.tooltip;
    this.item.backgroundColor = v.severity === 'ok' ? undefined
      : new vscode.ThemeColor(v.severity === 'error' ? 'statusBarItem.errorBackground' : 'statusBarItem.warningBackground');
    this.item.show();
  }

  private schedule(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    const seconds = vscode.workspace.getConfiguration('heroku.explorer').get<number>('refreshInterval', 60);
    if (seconds > 0) this.timer = setInterval(() => { if (vscode.window.state.focused) void this.refresh(); }, Math.max(15, seconds) * 1000);
  }

  private async showActions(ctx: CommandContext): Promise<void> {
    const app = this.app;
    if (!app) {
      void ctx.ui.showInformationMessage('No Heroku git remote in this workspace (https://git.heroku.com/APP.git or git@heroku.com:APP.git).');
      return;
    }
    if (!this.services.heroku.getClient()) {
      await vscode.commands.executeCommand('heroku.signIn');
      await this.refresh();
      return;
    }
    const items: Action[] = [
      { label: '$(link-external) Open App', command: 'heroku.app.open' },
      { label: '$(cloud-upload) Deploy…', command: 'heroku.deploy' },
      { label: '$(terminal) Run Command…', command: 'heroku.run' },
      { label: '$(globe) Open in Dashboard', command: 'heroku.app.openDashboard' },
      { label: '$(debug-restart) Restart All Dynos', command: 'heroku.app.restart' },
      { label: '$(settings) Scale…', command: 'heroku.formation.scale' },
      this.maintenance
        ? { label: '$(tools) Turn Maintenance Mode Off', command: 'heroku.app.maintenanceOff' }
        : { label: '$(tools) Turn Maintenance Mode On', command: 'heroku.app.maintenanceOn' },
      { label: '$(history) Roll Back to Release…', command: 'heroku.release.rollback' },
      { label: '$(cloud-download) Pull Config to .env', command: 'heroku.config.pull' },
      { label: '$(refresh) Refresh', command: REFRESH_COMMAND },
      { label: '$(account) Show Account', command: 'heroku.showAccount' },
      ...this.apps.filter((a) => a !== app).map((a) => ({ label: `$(arrow-swap) Switch to ${a}`, switchTo: a })),
    ];
    const pick = await ctx.ui.showQuickPick(items, { placeHolder: `Heroku: ${app}` });
    if (!pick) return;
    if (pick.switchTo) {
      await this.services.context.workspaceState.update(PICKED_KEY, pick.switchTo);
    } else if (pick.command && pick.command !== REFRESH_COMMAND) {
      const global = ['heroku.showAccount'].includes(pick.command);
      await vscode.commands.executeCommand(pick.command, ...(global ? [] : [app]));
    }
    await this.refresh();
  }

  dispose(): void {
    this.inFlight?.abort();
    if (this.timer) clearInterval(this.timer);
    for (const d of this.subs.splice(0)) d.dispose();
  }
}

/** Feature line for src/extension.ts: `['statusbar', registerStatusBar]`. Discovery runs after activation. */
export function registerStatusBar(services: Services): vscode.Disposable {
  const bar = new HerokuStatusBar(services);
  void services.ready.then(() => bar.discover());
  return bar;
}
