// Running the Procfile locally (as `heroku local`, but in the editor): the commands, the Local Processes view,
// the `heroku` task type (and its alias `heroku-local`) and the Procfile's "Run locally" lenses are registered
// here, in the main bundle;
// what they do lives in dist/local.js (./lazy.ts), required on the first command, task or running process. One
// line in the composition root: ['local', registerLocal]. Every process stops when the extension does, and
// when its workspace folder is removed.
import * as vscode from 'vscode';
import type { ProcessRow } from '../../core/runner/rows';
import { Pulse } from '../../core/view-pulse';
import { lazyBundle } from '../lazy-bundle';
import { RowsTree } from '../rows-tree';
import type { Services } from '../services';
import { ANY_RUNNING_KEY, LOCAL_TASK_ALIAS, LOCAL_TASK_TYPE, LOCAL_TEST_STATE, LOCAL_VIEW, SAVE_ENV, UPTIME_REFRESH_MS } from './ids';
import type { LocalFeature, LocalTaskDefinition } from './lazy';
import { LocalLensProvider } from './lens';
import { LocalTaskProvider } from './tasks';

const bundle = lazyBundle<typeof import('./lazy')>(() => require('./local.js'));

export function registerLocal(services: Services): vscode.Disposable {
  let feature: LocalFeature | undefined;
  let anyRunning = false;
  const tree = new RowsTree<ProcessRow>(() => feature?.rows() ?? [], (r) => `local/${r.name}`, { command: 'heroku.local.showOutput', title: 'Show Output' });
  // The uptimes: a slow redraw, only while something runs (the Logs view's pace, core/view-pulse.ts).
  const pulse = new Pulse(services.clock, () => tree.refresh(), { minMs: UPTIME_REFRESH_MS, idleMs: UPTIME_REFRESH_MS, active: () => anyRunning });
  const changed = () => {
    tree.refresh();
    const running = (feature?.rows() ?? []).some((r) => r.contextValue.startsWith('heroku.local.running'));
    if (running !== anyRunning) void vscode.commands.executeCommand('setContext', ANY_RUNNING_KEY, (anyRunning = running));
    if (running) pulse.poke();
  };
  const get = () => (feature ??= bundle().createLocalFeature(services, changed));
  const taskTerminal = (def: LocalTaskDefinition, folder: string) => get().taskTerminal(def, folder);
  const lens = new LocalLensProvider();
  const { commands } = services;
  const subs: vscode.Disposable[] = [
    commands.register('heroku.runLocal', (ctx, arg) => get().runLocal(ctx, arg)),
    commands.register('heroku.local.restart', (ctx, arg) => get().restart(ctx, arg)),
    commands.register('heroku.local.stop', (ctx, arg) => get().stop(ctx, arg)),
    commands.register('heroku.local.stopAll', () => feature?.stopAll()),
    commands.register('heroku.local.showOutput', (ctx, arg) => get().showOutput(ctx, arg)),
    commands.register('heroku.local.openInBrowser', (ctx, arg) => get().openInBrowser(ctx, arg)),
    commands.register('heroku.local.showCombinedOutput', () => get().showCombinedOutput()),
    commands.register(SAVE_ENV, (ctx, arg) => get().saveConfigToEnv(ctx, arg)),
    vscode.window.createTreeView(LOCAL_VIEW, { treeDataProvider: tree }),
    tree,
    vscode.tasks.registerTaskProvider(LOCAL_TASK_TYPE, new LocalTaskProvider(services, LOCAL_TASK_TYPE, taskTerminal)),
    vscode.tasks.registerTaskProvider(LOCAL_TASK_ALIAS, new LocalTaskProvider(services, LOCAL_TASK_ALIAS, taskTerminal)),
    vscode.languages.registerCodeLensProvider({ pattern: '**/Procfile*', scheme: 'file' }, lens),
    lens,
    vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('heroku.procfile.codeLens')) lens.refresh(); }),
    vscode.workspace.onDidChangeWorkspaceFolders((e) => {
      for (const f of e.removed) void feature?.stopUnder(f.uri.fsPath);
    }),
  ];
  // Test hook (not in an installed extension): the processes and what each terminal was given, as data.
  if (services.context.extensionMode !== vscode.ExtensionMode.Production) {
    subs.push(commands.register(LOCAL_TEST_STATE, () => feature?.testState() ?? { processes: [], terminals: {}, rows: [], combined: '' }));
  }
  return { dispose: () => { pulse.dispose(); anyRunning = false; for (const d of subs.splice(0)) d.dispose(); feature?.dispose(); } };
}
