// Log tails: the commands (heroku.tailLogs, heroku.stopLogs, heroku.filterLogs, the status bar's heroku.logs.manage)
// are registered here, in the main bundle; the tails, their channels and the status bar item live in dist/logs.js,
// required on the first Tail Logs. One line in the composition root: ['logs', registerLogs].
import * as vscode from 'vscode';
import { UserFacingError } from '../commands';
import { lazyBundle } from '../lazy-bundle';
import type { Services } from '../services';
import type { LogsFeature, LogsTestState } from './lazy';

const bundle = lazyBundle<typeof import('./lazy')>(() => require('./logs.js'));

export function registerLogs(services: Services): vscode.Disposable {
  let feature: LogsFeature | undefined;
  const get = () => (feature ??= bundle().createLogsFeature(services));
  const { commands } = services;
  // Stop, Filter and the status bar act on running tails: nothing to load when none was started.
  const none = () => { throw new UserFacingError('No Heroku log tail is running.'); };
  const subs: vscode.Disposable[] = [
    commands.register('heroku.tailLogs', (ctx, arg) => get().tail(ctx, arg)),
    commands.register('heroku.stopLogs', (ctx, arg) => (feature ? feature.stop(ctx, arg) : none())),
    commands.register('heroku.filterLogs', (ctx, arg) => (feature ? feature.filter(ctx, arg) : none())),
    commands.register('heroku.logs.manage', (ctx) => feature?.manage(ctx)),
  ];
  if (services.context.extensionMode !== vscode.ExtensionMode.Production) {
    // Test hook (not in an installed extension): each tail's state and what each channel was given.
    subs.push(commands.register('heroku.logs.testState', (): LogsTestState => feature?.testState() ?? { tails: [], channels: {} }));
  }
  return { dispose: () => { for (const d of subs.splice(0)) d.dispose(); feature?.dispose(); } };
}

