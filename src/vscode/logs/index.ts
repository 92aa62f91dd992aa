// Log tails: the commands (heroku.tailLogs, heroku.stopLogs, heroku.filterLogs, the status bar's heroku.logs.manage,
// the Logs view's heroku.logs.show and heroku.logs.stopAll), the Logs view and the error-code hovers of heroku-log
// documents are registered here, in the main bundle; the tails, their channels and the status bar item live in
// dist/logs.js, required on the first Tail Logs (a hover needs it only where a tail's channel already loaded it).
// One line in the composition root: ['logs', registerLogs].
import * as vscode from 'vscode';
import { Pulse } from '../../core/view-pulse';
import type { TailRow } from '../../core/logs/rows';
import { UserFacingError } from '../commands';
import { lazyBundle } from '../lazy-bundle';
import { RowsTree } from '../rows-tree';
import type { Services } from '../services';
import type { LogsFeature, LogsTestState } from './lazy';

const bundle = lazyBundle<typeof import('./lazy')>(() => require('./logs.js'));

export const LOGS_VIEW = 'heroku.logs';

export function registerLogs(services: Services): vscode.Disposable {
  let feature: LogsFeature | undefined;
  const tree = new RowsTree<TailRow>(() => feature?.rows() ?? [], (r) => `logs/${r.app}`, { command: 'heroku.logs.show', title: 'Show Log Channel' });
  const view = vscode.window.createTreeView(LOGS_VIEW, { treeDataProvider: tree });
  /** Redraws of the view: at most four a second, one a second while something tails (the rate moves), none hidden. */
  const pulse = new Pulse(services.clock, () => tree.refresh(), { minMs: 250, idleMs: 1000, active: () => view.visible && (feature?.anyRunning() ?? false) });
  const changed = () => { if (view.visible) pulse.poke(); };
  const get = () => (feature ??= bundle().createLogsFeature(services, changed));
  const { commands } = services;
  // Stop, Filter and the status bar act on running tails: nothing to load when none was started.
  const none = () => { throw new UserFacingError('No Heroku log tail is running.'); };
  const subs: vscode.Disposable[] = [
    commands.register('heroku.tailLogs', (ctx, arg) => get().tail(ctx, arg)),
    commands.register('heroku.stopLogs', (ctx, arg) => (feature ? feature.stop(ctx, arg) : none())),
    commands.register('heroku.filterLogs', (ctx, arg) => (feature ? feature.filter(ctx, arg) : none())),
    commands.register('heroku.logs.manage', (ctx) => feature?.manage(ctx)),
    commands.register('heroku.logs.show', (ctx, arg) => (feature ? feature.show(ctx, arg) : none())),
    commands.register('heroku.logs.stopAll', () => feature?.stopAll('stopped by you')),
    view, tree, pulse,
    view.onDidChangeVisibility(() => { if (view.visible) pulse.poke(); }),
    // Hovers on error codes (H12, R14, L10…) in the tails' channels; the code table lives in dist/logs.js.
    vscode.languages.registerHoverProvider({ language: 'heroku-log' }, {
      provideHover: (doc, pos) => bundle().errorCodeHover(doc.lineAt(pos.line).text, pos),
    }),
  ];
  if (services.context.extensionMode !== vscode.ExtensionMode.Production) {
    // Test hook (not in an installed extension): each tail's state and what each channel was given.
    subs.push(commands.register('heroku.logs.testState', (): LogsTestState => feature?.testState() ?? { tails: [], channels: {}, rows: [] }));
  }
  return { dispose: () => { for (const d of subs.splice(0)) d.dispose(); feature?.dispose(); } };
}
