// The explorer feature: tree view, commands, refresh timer and the .env diff documents. One line in the
// composition root: ['explorer', registerExplorer].
import * as vscode from 'vscode';
import { ExplorerModel, type WorkspaceApp } from '../../core/tree/model';
import type { ExplorerNode } from '../../core/tree/nodes';
import { DisposableStore, toDisposable } from '../../core/lifecycle';
import type { Services } from '../services';
import { registerAppActions } from './app-actions';
import { registerConfigActions } from './config-actions';
import type { ExplorerDeps, HerokuSessionPort } from './deps';
import { EnvDocuments, ENV_SCHEME, registerEnvSync } from './env-sync';
import { registerPromote } from './promote';
import { ExplorerProvider, VIEW_ID } from './provider';

export function registerExplorer(services: Services): vscode.Disposable {
  const store = new DisposableStore();
  const { redactor, commands } = services;
  const heroku: HerokuSessionPort = services.heroku;

  const workspaceApps = async (): Promise<WorkspaceApp[]> =>
    (await services.remotes.find()).map((r) => ({ app: r.app, remote: r.remote, folder: r.folder }));

  const model = new ExplorerModel(() => heroku.getClient(), workspaceApps, (v) => redactor.add(v));
  // Disposal (deactivation) aborts every request still running: the tree's reads and the actions' changes.
  const lifetime = new AbortController();
  store.add(toDisposable(() => {
    lifetime.abort();
    model.dispose();
  }));
  const provider = store.add(new ExplorerProvider(model));
  // The refresh button searches the git remotes again too (the tree's next read waits for that search).
  const refresh = () => {
    services.remotes.invalidate();
    provider.refresh();
  };
  const view = store.add(vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider, showCollapseAll: true }));
  const deps: ExplorerDeps = { session: heroku, model, provider, workspaceApps, signal: lifetime.signal, clock: services.clock, fs: services.fs };
  const docs = new EnvDocuments();
  store.add(vscode.workspace.registerTextDocumentContentProvider(ENV_SCHEME, docs));

  store.add(commands.register('heroku.explorer.refresh', () => refresh()));
  store.add(commands.register('heroku.explorer.loadMore', (_ctx, parentId: unknown) => {
    if (typeof parentId !== 'string') return;
    model.loadMore(parentId);
    provider.rerender(provider.getParent({ id: `${parentId}/more` } as ExplorerNode) ?? undefined);
  }));
  // For integration tests only: the children the tree shows under a node (root when omitted). Not in an installed
  // extension (Production mode): the test host loads it in Test mode, `F5` in Development.
  if (services.context.extensionMode !== vscode.ExtensionMode.Production) {
    store.add(commands.register('heroku.explorer.getChildren', async (_ctx, node?: ExplorerNode) => {
      const kids = await provider.getChildren(node);
      await provider.whenIdle();
      return kids;
    }));
  }
  const actions = [
    ...registerAppActions(commands, deps), ...registerPromote(commands, deps),
    ...registerConfigActions(commands, deps, redactor), ...registerEnvSync(commands, deps, redactor, docs),
  ];
  for (const d of actions) store.add(d);

  store.add(heroku.onDidChangeSession(() => {
    model.resetSession();
    provider.refresh();
  }));
  // An action changed an app (from the tree, the status bar or the palette): re-read what is shown, once for the
  // apps one action names together (a promotion names its source and every target).
  let refreshQueued = false;
  store.add(heroku.onDidChangeApp(() => {
    if (refreshQueued) return;
    refreshQueued = true;
    queueMicrotask(() => {
      refreshQueued = false;
      provider.refresh();
    });
  }));
  // A remote added or removed (`heroku git:remote`, `git remote add`), folders or monorepoDepth changed: "This workspace".
  store.add(services.remotes.onDidChange(() => provider.refresh()));

  // Live state: re-read on an interval while the view is visible (ETags make unchanged reads 304s).
  let timer: ReturnType<typeof setInterval> | undefined;
  const schedule = () => {
    if (timer) clearInterval(timer);
    timer = undefined;
    const seconds = vscode.workspace.getConfiguration('heroku.explorer').get<number>('refreshInterval', 60);
    if (seconds > 0) {
      timer = setInterval(() => {
        if (view.visible && heroku.getClient()) provider.refresh();
      }, Math.max(10, seconds) * 1000);
    }
  };
  schedule();
  store.add(toDisposable(() => timer && clearInterval(timer)));
  store.add(vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('heroku.explorer.refreshInterval')) schedule();
  }));
  return store;
}
