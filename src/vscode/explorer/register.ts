// The explorer feature: tree view, commands and the .env diff documents. The tree reads the app-state store
// (services.state) and re-renders when it changes; it tells the store what it shows (expanded nodes, while the view
// is visible), and the one scheduler refreshes that. One line in the composition root: ['explorer', registerExplorer].
import * as vscode from 'vscode';
import { DisposableStore, toDisposable } from '../../core/lifecycle';
import { ExplorerModel, type WorkspaceApp } from '../../core/tree/model';
import type { ExplorerNode } from '../../core/tree/nodes';
import type { Services } from '../services';
import { registerAppActions } from './app-actions';
import { registerConfigActions } from './config-actions';
import type { ExplorerDeps } from './deps';
import { EnvDocuments, ENV_SCHEME, registerEnvSync } from './env-sync';
import { registerPromote } from './promote';
import { ExplorerProvider, VIEW_ID } from './provider';

export function registerExplorer(services: Services): vscode.Disposable {
  const store = new DisposableStore();
  const { redactor, commands, state } = services;

  const workspaceApps = async (): Promise<WorkspaceApp[]> =>
    (await services.remotes.find()).map((r) => ({ app: r.app, remote: r.remote, folder: r.folder }));

  const model = new ExplorerModel(state, workspaceApps);
  // Disposal (deactivation) aborts every request still running: the actions' changes; the tree wants nothing more.
  const lifetime = new AbortController();
  store.add(toDisposable(() => {
    lifetime.abort();
    model.dispose();
  }));
  const provider = store.add(new ExplorerProvider(model));
  const view = store.add(vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider, showCollapseAll: true }));
  model.setVisible(view.visible);
  store.add(view.onDidChangeVisibility((e) => model.setVisible(e.visible)));
  store.add(view.onDidCollapseElement((e) => model.collapsed(e.element.id)));
  const deps: ExplorerDeps = { session: services.heroku, state, model, provider, workspaceApps, signal: lifetime.signal, clock: services.clock, fs: services.fs };
  const docs = new EnvDocuments();
  store.add(vscode.workspace.registerTextDocumentContentProvider(ENV_SCHEME, docs));

  // The refresh button searches the git remotes again too (the tree's next read waits for that search).
  store.add(commands.register('heroku.explorer.refresh', () => {
    services.remotes.invalidate();
    state.invalidate();
    provider.rerender();
  }));
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

  // The store changed (a refresh, an action on an app from anywhere, another sign-in): render again just the nodes
  // that show what changed (a whole-tree refresh would race a node the user is expanding). Their reads answer from memory.
  store.add(state.onDidChangeApp((e) => provider.rerenderIds(model.showingChange(e))));
  store.add(state.onDidChangeAccount((slices) => provider.rerenderIds(model.showingChange({ account: slices }))));
  // A remote added or removed (`heroku git:remote`, `git remote add`), folders or monorepoDepth changed: "This workspace".
  store.add(services.remotes.onDidChange(() => provider.rerender()));
  return store;
}
