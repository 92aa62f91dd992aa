// The status bar item for the workspace's Heroku app (found from git remotes): name, current release and dyno
// health, from the app-state store (services.state), rendered again whenever the store says the app changed (a
// refresh, an action from the tree, the palette or this item's own quick pick, another sign-in). It wants the
// app's `app`, `releases` and `dynos` slices, so the one scheduler refreshes them with whatever else is shown.
// Clicking it opens a quick pick of the explorer's actions for that app.
import * as vscode from 'vscode';
import { appStatus, STATUS_SLICES, statusInput, type StatusView } from '../../core/status/summary';
import { workspaceAppNames } from '../../core/workspace/apps';
import { describeError } from '../log';
import type { CommandContext } from '../commands';
import type { Services } from '../services';

export const ACTIONS_COMMAND = 'heroku.statusBar.actions';
export const REFRESH_COMMAND = 'heroku.statusBar.refresh';
const PICKED_KEY = 'heroku.statusBar.app';
/** The owner name the status bar registers its wants under. */
const OWNER = 'statusbar';

interface Action extends vscode.QuickPickItem {
  command?: string;
  switchTo?: string;
}

export class HerokuStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly subs: vscode.Disposable[] = [];
  private apps: string[] = [];
  private view: StatusView | undefined;

  constructor(private readonly services: Services) {
    this.item = vscode.window.createStatusBarItem('heroku.app', vscode.StatusBarAlignment.Left, 50);
    this.item.name = 'Heroku App';
    this.item.command = ACTIONS_COMMAND;
    const { commands, heroku, state } = services;
    this.subs.push(
      this.item,
      commands.register(ACTIONS_COMMAND, (ctx) => this.showActions(ctx)),
      // The quick pick's Refresh reads again; run without an argument it shows what the store knows (reading what it lacks).
      commands.register(REFRESH_COMMAND, (_ctx, o?: { reread?: boolean }) => this.refresh({ reread: o?.reread === true })),
      state.onDidChangeApp((e) => { if (e.app === this.app) this.show(); }),
      heroku.onDidChangeSession(() => void this.refresh()),
      heroku.onDidChangeRateLimit(() => this.show()),
      services.remotes.onDidChange(() => void this.discover()),
      { dispose: () => state.want(OWNER, []) },
    );
  }

  /** The app shown: the one picked earlier, else the first `heroku` remote's, else the first found. */
  get app(): string | undefined {
    const picked = this.services.context.workspaceState.get<string>(PICKED_KEY);
    return picked && this.apps.includes(picked) ? picked : this.apps[0];
  }

  async discover(): Promise<void> {
    this.apps = workspaceAppNames(await this.services.remotes.find());
    await this.refresh();
  }

  /**
   * Shows the app's state, reading what the store lacks (or, with `reread`, everything again), and hides the item
   * when there is no workspace app. Never rejects: a failure shows in the item.
   */
  async refresh(o: { reread?: boolean } = {}): Promise<StatusView | undefined> {
    const app = this.app;
    const { state } = this.services;
    state.want(OWNER, app ? [{ app, slices: STATUS_SLICES }] : []);
    if (!app) {
      this.item.hide();
      this.view = undefined;
      return undefined;
    }
    try {
      if (o.reread) state.invalidate([app]);
      await Promise.all(STATUS_SLICES.map((s) => state.read(app, s)));
    } catch (err) {
      this.services.log.error(`status bar: could not read ${app}`, err);
    }
    this.show();
    return this.view;
  }

  /** Renders what the store knows of the app now (no request). */
  private show(): void {
    const app = this.app;
    if (!app) return;
    try {
      const snap = this.services.state.peek(app);
      if (!snap.app && !snap.releases && !snap.dynos) return; // nothing read yet: refresh() renders
      this.render(appStatus(statusInput(snap, this.services.heroku.getClient()?.rateLimitRemaining)));
    } catch (err) {
      // A bug or an answer nobody expected must not leave the item stale.
      this.services.log.error(`status bar: could not show ${app}`, err);
      this.render({ text: `$(warning) ${app}`, tooltip: `Heroku app ${app}\nCould not show its status: ${describeError(err)}\nClick for actions.`, severity: 'error' });
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
      this.services.state.peek(app).app?.value?.maintenance === true
        ? { label: '$(tools) Turn Maintenance Mode Off', command: 'heroku.app.maintenanceOff' }
        : { label: '$(tools) Turn Maintenance Mode On', command: 'heroku.app.maintenanceOn' },
      { label: '$(history) Roll Back to Release…', command: 'heroku.release.rollback' },
      { label: '$(type-hierarchy) Open Pipeline', command: 'heroku.openPipeline' },
      { label: '$(versions) Show Releases', command: 'heroku.showReleases' },
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
    await this.refresh({ reread: pick.command === REFRESH_COMMAND });
  }

  dispose(): void {
    for (const d of this.subs.splice(0)) d.dispose();
  }
}

/** Feature line for src/extension.ts: `['statusbar', registerStatusBar]`. Discovery runs after activation. */
export function registerStatusBar(services: Services): vscode.Disposable {
  const bar = new HerokuStatusBar(services);
  void services.ready.then(() => bar.discover());
  return bar;
}
