// The pipelines feature (dist/pipeline.js, loaded after activation): the Pipelines view, `heroku.openPipeline`
// (diagram panel per pipeline), `heroku.showReleases` (timeline panel per app) and their test hooks. This bundle's
// entry is where its ports are built (infra: the API on the session's client, fetch streams, git, the clock).
import * as vscode from 'vscode';
import { DisposableStore, toDisposable } from '../../core/lifecycle';
import type { RequestName } from '../../shared/pipeline-protocol';
import { describeHerokuError } from '../../core/heroku/result';
import { buildDiagram } from '../../core/pipeline/diagram';
import { pipelineApi } from '../../core/pipeline/api';
import { UserCancelled, UserFacingError, type CommandContext } from '../commands';
import type { Services } from '../services';
import { OutputSink, type PipelineDeps } from './deps';
import { PipelinePanel } from './pipeline-panel';
import { ReleasesPanel } from './releases-panel';
import { PIPELINES_VIEW, PipelinesTree, type PipelineTreeNode } from './tree';

export function registerPipelines(services: Services): vscode.Disposable {
  const store = new DisposableStore();
  const lifetime = new AbortController();
  store.add(toDisposable(() => lifetime.abort()));
  const sinks = new Map<string, OutputSink>();
  store.add(toDisposable(() => { for (const s of sinks.values()) s.dispose(); }));
  const deps: PipelineDeps = {
    api: pipelineApi(() => services.heroku.getClient()),
    store: services.state,
    streams: services.textStreams, clock: services.clock, git: services.gitHistory, log: services.log,
    ui: () => services.commands.ui,
    extensionUri: services.context.extensionUri,
    onDidChangeApp: (listener) => services.state.onDidChangeApp((change) => listener(change.app)),
    notifyAppChanged: (app) => void services.state.changed(app),
    onDidChangeSession: services.heroku.onDidChangeSession,
    folderOf: async (apps) => (await services.remotes.find()).find((r) => apps.includes(r.app))?.folder,
    sink: (name) => {
      let s = sinks.get(name);
      if (!s) sinks.set(name, (s = new OutputSink(name)));
      return s;
    },
    onDidTick: (listener) => services.scheduler.onDidTick(() => listener()),
    signal: lifetime.signal,
  };

  const tree = store.add(new PipelinesTree(deps));
  const view = store.add(vscode.window.createTreeView(PIPELINES_VIEW, { treeDataProvider: tree, showCollapseAll: true }));
  // What the view shows is wanted from the store while it is visible: the one scheduler refreshes it, and the
  // store's change events (pipelines, couplings, latest releases) redraw it. No timer of its own.
  tree.setVisible(view.visible);
  store.add(view.onDidChangeVisibility((e) => tree.setVisible(e.visible)));

  const pipelines = new Map<string, PipelinePanel>();
  const releases = new Map<string, ReleasesPanel>();
  store.add(toDisposable(() => { for (const p of [...pipelines.values(), ...releases.values()]) p.dispose(); }));

  const openPipeline = async (ctx: CommandContext, arg: unknown): Promise<PipelinePanel> => {
    if (!services.heroku.getClient()) throw new UserFacingError('Sign in to Heroku first (Heroku: Sign In).');
    const id = await pipelineOf(ctx, deps, arg);
    let panel = pipelines.get(id);
    if (panel) {
      panel.panel.reveal();
      return panel;
    }
    panel = new PipelinePanel(deps, id);
    pipelines.set(id, panel);
    const p = panel;
    panel.onDidDispose(() => { if (pipelines.get(id) === p) pipelines.delete(id); });
    return panel;
  };
  const showReleases = async (ctx: CommandContext, arg: unknown): Promise<ReleasesPanel> => {
    if (!services.heroku.getClient()) throw new UserFacingError('Sign in to Heroku first (Heroku: Sign In).');
    const app = appOf(arg) ?? await pickApp(ctx, services);
    let panel = releases.get(app);
    if (panel) {
      panel.panel.reveal();
      return panel;
    }
    panel = new ReleasesPanel(deps, app);
    releases.set(app, panel);
    const p = panel;
    panel.onDidDispose(() => { if (releases.get(app) === p) releases.delete(app); });
    return panel;
  };

  const { commands } = services;
  store.add(commands.register('heroku.openPipeline', async (ctx, arg: unknown) => { await openPipeline(ctx, arg); }));
  store.add(commands.register('heroku.showReleases', async (ctx, arg: unknown) => { await showReleases(ctx, arg); }));
  store.add(commands.register('heroku.pipelines.refresh', () => tree.refresh()));
  // Test hooks (not in an installed extension): what the view and the panels show, as data.
  if (services.context.extensionMode !== vscode.ExtensionMode.Production) {
    store.add(commands.register('heroku.pipelines.getChildren', (_ctx, node?: PipelineTreeNode) => tree.getChildren(node)));
    // With a request, runs it as if the page of the first open pipeline (or releases of `app`) had sent it.
    // With `renderedAfter`, waits (on the page's reports, without polling) until the first open pipeline's page drew
    // a model newer than that seq (and complete, if asked): polling this hook every few ms floods the workbench (the
    // benchmark's probe did, and a fresh host's first webview then took 54 s instead of 2 s to start its service worker).
    store.add(commands.register('heroku.pipeline.testState', async (_ctx, req?: { method: RequestName; params: unknown; app?: string } | { renderedAfter: number; complete?: boolean }) => {
      if (req && 'renderedAfter' in req) {
        const p = [...pipelines.values()][0];
        if (!p) throw new Error('no pipeline panel is open');
        const done = () => !!p.host.lastRendered && p.host.lastRendered.seq > req.renderedAfter
          && p.host.lastRendered.seq === p.seq && (!req.complete || !!p.snap?.complete);
        if (!done()) {
          await new Promise<void>((resolve, reject) => {
            const end = (err?: Error) => { clearTimeout(timer); sub.dispose(); if (err) reject(err); else resolve(); };
            const timer = setTimeout(() => end(new Error('no matching drawing within 60 s')), 60_000);
            const sub = p.host.onDidRender(() => { if (done()) end(); });
          });
        }
        return testState();
      }
      if (req) {
        const panel = req.app ? releases.get(req.app) : [...pipelines.values()][0];
        return panel ? panel.host.handle(req.method, req.params) : { ok: false, message: 'no panel' };
      }
      return testState();
    }));
    const testState = () => ({
      pipelines: [...pipelines.values()].map((p) => ({
        query: p.query, seq: p.seq, rendered: p.host.lastRendered, firstRendered: p.host.firstRendered, promotions: p.promotions, marks: { ...p.marks, ready: p.host.readyAt },
        diagram: p.snap ? buildDiagram(p.snap) : undefined, complete: p.snap?.complete ?? false,
      })),
      releases: [...releases.values()].map((r) => ({ app: r.app, seq: r.seq, rendered: r.host.lastRendered, timeline: r.timeline })),
      outputs: Object.fromEntries([...sinks].map(([name, s]) => [name, s.text])),
    });
  }
  return store;
}

function appOf(arg: unknown): string | undefined {
  if (typeof arg === 'string' && arg) return arg;
  if (arg && typeof arg === 'object') {
    const o = arg as { kind?: unknown; app?: unknown };
    if (typeof o.app === 'string' && o.app) return o.app;
  }
  return undefined;
}

/** The pipeline id a command argument names: a tree pipeline node, an app (its coupling), or a pick. */
async function pipelineOf(ctx: CommandContext, deps: PipelineDeps, arg: unknown): Promise<string> {
  const o = arg as { kind?: unknown; id?: unknown; pipelineId?: unknown; pipeline?: unknown } | undefined;
  if (o && typeof o === 'object') {
    if (o.kind === 'pipeline' && typeof o.id === 'string') return o.id;
    if (typeof o.pipelineId === 'string') return o.pipelineId;
    if (typeof o.pipeline === 'string') return o.pipeline;
  }
  const app = appOf(arg);
  if (app) {
    const c = await deps.api.appCoupling(app, { signal: deps.signal });
    if (c.ok && typeof c.value.pipeline?.id === 'string') return c.value.pipeline.id;
    if (!c.ok && c.error.status !== 404) throw new UserFacingError(`Could not read the pipeline of ${app}: ${describeHerokuError(c.error)}`);
    throw new UserFacingError(`${app} is not in a pipeline.`);
  }
  const list = await deps.api.pipelines({ signal: deps.signal });
  if (!list.ok) throw new UserFacingError(`Could not list pipelines: ${describeHerokuError(list.error)}`);
  const items = list.value.filter((p) => typeof p?.id === 'string').map((p) => ({ label: p.name, description: p.generation?.name, id: p.id }));
  if (items.length === 0) throw new UserFacingError('No pipelines found.');
  const pick = items.length === 1 ? items[0] : await ctx.ui.showQuickPick(items, { placeHolder: 'Pipeline' });
  if (!pick) throw new UserCancelled();
  return pick.id;
}

async function pickApp(ctx: CommandContext, services: Services): Promise<string> {
  const apps = [...new Set((await services.remotes.find()).map((r) => r.app))];
  if (apps.length > 0) {
    const pick = await ctx.ui.showQuickPick(apps.map((a) => ({ label: a, description: 'this workspace' })), { placeHolder: 'Show the releases of which app?' });
    if (!pick) throw new UserCancelled();
    return pick.label;
  }
  const typed = await ctx.ui.showInputBox({ prompt: 'Heroku app name', validateInput: (v) => (/^[a-z][a-z0-9-]{1,}$/.test(v.trim()) ? undefined : 'An app name (lower case letters, digits, dashes)') });
  if (!typed) throw new UserCancelled();
  return typed.trim();
}
