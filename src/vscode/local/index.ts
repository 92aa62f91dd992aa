// Running the Procfile locally (as `heroku local`, but in the editor): the commands, the Local Processes view,
// the `heroku-local` task type and the Procfile's "Run locally" lenses are registered here, in the main bundle;
// what they do lives in dist/local.js (./lazy.ts), required on the first command, task or running process. One
// line in the composition root: ['local', registerLocal]. Every process stops when the extension does, and
// when its workspace folder is removed.
import * as vscode from 'vscode';
import type { ProcessRow } from '../../core/runner/rows';
import { lazyBundle } from '../lazy-bundle';
import { RowsTree } from '../rows-tree';
import type { Services } from '../services';
import { ANY_RUNNING_KEY, LOCAL_TASK_TYPE, LOCAL_TEST_STATE, LOCAL_VIEW } from './ids';
import type { LocalFeature, LocalTaskDefinition } from './lazy';
import { LocalLensProvider } from './lens';
import { LocalTaskProvider } from './tasks';

const bundle = lazyBundle<typeof import('./lazy')>(() => require('./local.js'));

export function registerLocal(services: Services): vscode.Disposable {
  let feature: LocalFeature | undefined;
  let anyRunning = false;
  const tree = new RowsTree<ProcessRow>(() => feature?.rows() ?? [], (r) => `local/${r.name}`, { command: 'heroku.local.showOutput', title: 'Show Output' });
  const changed = () => {
    tree.refresh();
    const running = (feature?.rows() ?? []).some((r) => r.contextValue === 'heroku.local.running');
    if (running !== anyRunning) void vscode.commands.executeCommand('setContext', ANY_RUNNING_KEY, (anyRunning = running));
  };
  const get = () => (feature ??= bundle().createLocalFeature(services, changed));
  const lens = new LocalLensProvider();
  const { commands } = services;
  const subs: vscode.Disposable[] = [
    commands.register('heroku.runLocal', (ctx, arg) => get().runLocal(ctx, arg)),
    commands.register('heroku.local.restart', (ctx, arg) => get().restart(ctx, arg)),
    commands.register('heroku.local.stop', (ctx, arg) => get().stop(ctx, arg)),
    commands.register('heroku.local.stopAll', () => feature?.stopAll()),
    commands.register('heroku.local.showOutput', (ctx, arg) => get().showOutput(ctx, arg)),
    vscode.window.createTreeView(LOCAL_VIEW, { treeDataProvider: tree }),
    tree,
    vscode.tasks.registerTaskProvider(LOCAL_TASK_TYPE, new LocalTaskProvider(services, (def: LocalTaskDefinition, folder: string) => get().taskTerminal(def, folder))),
    vscode.languages.registerCodeLensProvider({ pattern: '**/Procfile*', scheme: 'file' }, lens),
    lens,
    vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('heroku.procfile.codeLens')) lens.refresh(); }),
    vscode.workspace.onDidChangeWorkspaceFolders((e) => {
      for (const f of e.removed) void feature?.stopUnder(f.uri.fsPath);
    }),
  ];
  // Test hook (not in an installed extension): the processes and what each terminal was given, as data.
  if (services.context.extensionMode !== vscode.ExtensionMode.Production) {
    subs.push(commands.register(LOCAL_TEST_STATE, () => feature?.testState() ?? { processes: [], terminals: {} }));
  }
  return { dispose: () => { for (const d of subs.splice(0)) d.dispose(); feature?.dispose(); } };
}
