// The Pipelines view: pipelines (with their generation, Cedar or Fir) → stages → apps with their current
// release. Everything comes from the one app-state store (the account's pipelines; per expanded pipeline its
// couplings and latest releases), wanted while the view is visible: the one scheduler refreshes it and the store's
// change events redraw the view. Refresh forgets how young it is. Failures show as an item with the reason (the
// last good answer stays shown), never an empty view.
import * as vscode from 'vscode';
import { STAGE_ORDER, type StageId } from '../../shared/pipeline-model';
import { stageTitle } from '../../core/pipeline/promotion-plan';
import { describeHerokuError, type HerokuError } from '../../core/heroku/result';
import type { PipelineCoupling, PipelineRelease } from '../../core/heroku/types';
import type { Slice, Want } from '../../core/state/types';
import { releaseSummary } from '../../core/pipeline/diagram';
import type { PipelineDeps } from './deps';

export const PIPELINES_VIEW = 'heroku.pipelines';

export type PipelineTreeNode =
  | { kind: 'pipeline'; id: string; name: string; generation?: string }
  | { kind: 'stage'; pipelineId: string; pipelineName: string; stage: StageId; count: number }
  | { kind: 'app'; pipelineId: string; pipelineName: string; stage: StageId; appId: string; app: string; release?: string; status?: string }
  | { kind: 'message'; id: string; label: string; detail?: string };

interface PipelineApps {
  couplings: PipelineCoupling[];
  /** Why the couplings could not be read, when no earlier answer is there to show. */
  error?: HerokuError;
  releases: PipelineRelease[];
  names: Map<string, string>;
}

const OWNER = 'pipelines-view';

/** The slice's list (kept when a later read failed), or its error when there never was one. */
function listOf<T>(s: Slice<T[]>): { list: T[]; error?: HerokuError } {
  if (Array.isArray(s.value)) return { list: s.value };
  return { list: [], ...(s.error ? { error: s.error } : {}) };
}

const message = (id: string, label: string, detail?: string): PipelineTreeNode => ({ kind: 'message', id, label, ...(detail ? { detail } : {}) });

export class PipelinesTree implements vscode.TreeDataProvider<PipelineTreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<PipelineTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** Pipelines whose stages were asked for (expanded): their slices are wanted. */
  private readonly expanded = new Set<string>();
  private visible = false;
  private readonly subs: { dispose(): void }[] = [];
  private redrawQueued = false;

  constructor(private readonly deps: PipelineDeps) {
    const { store } = deps;
    this.subs.push(
      store.onDidChangeAccount((slices) => { if (slices.includes('pipelines')) this.redraw(); }),
      store.onDidChangePipeline((c) => { if (this.expanded.has(c.pipeline)) this.redraw(); }),
      // A review app's or an unnamed app's name comes from its app slice.
      store.onDidChangeApp((c) => { if (c.slices.includes('app')) this.redraw(); }),
      deps.onDidChangeSession(() => { this.expanded.clear(); this.redraw(); }),
    );
  }

  /** The view was shown or hidden: what it shows is wanted only while visible. */
  setVisible(visible: boolean): void {
    this.visible = visible;
    this.updateWants();
  }

  /** Reads everything the view shows again (Refresh, or a click on a failure). */
  refresh(): void {
    this.deps.store.invalidatePipelines();
    this.changed.fire(undefined);
  }

  private redraw(): void {
    if (this.redrawQueued) return;
    this.redrawQueued = true;
    queueMicrotask(() => { this.redrawQueued = false; this.changed.fire(undefined); });
  }

  private updateWants(): void {
    const wants: Want[] = [{ account: ['pipelines'] }, ...[...this.expanded].map((pipeline): Want => ({ pipeline, slices: ['couplings', 'latestReleases'] }))];
    this.deps.store.want(OWNER, this.visible ? wants : []);
  }

  getTreeItem(n: PipelineTreeNode): vscode.TreeItem {
    switch (n.kind) {
      case 'pipeline': {
        const item = new vscode.TreeItem(n.name, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `pipeline/${n.id}`;
        item.description = n.generation ? stageTitle(n.generation) : undefined;
        item.tooltip = `Pipeline ${n.name}${n.generation ? ` (${stageTitle(n.generation)} generation)` : ''}`;
        item.contextValue = 'heroku.pipeline';
        item.iconPath = new vscode.ThemeIcon('type-hierarchy');
        item.command = { command: 'heroku.openPipeline', title: 'Open Pipeline', arguments: [n] };
        return item;
      }
      case 'stage': {
        const item = new vscode.TreeItem(n.stage === 'review' ? 'Review Apps' : stageTitle(n.stage), vscode.TreeItemCollapsibleState.Expanded);
        item.id = `pipeline/${n.pipelineId}/${n.stage}`;
        item.description = String(n.count);
        item.contextValue = 'heroku.pipelineStage';
        return item;
      }
      case 'app': {
        const item = new vscode.TreeItem(n.app, vscode.TreeItemCollapsibleState.None);
        item.id = `pipeline/${n.pipelineId}/${n.stage}/${n.appId}`;
        item.description = n.release ? `${n.release}${n.status && n.status !== 'succeeded' ? ` (${n.status})` : ''}` : 'no release';
        item.contextValue = 'heroku.pipelineApp';
        item.iconPath = new vscode.ThemeIcon(n.status === 'failed' ? 'error' : n.status === 'pending' ? 'sync' : 'server-process');
        item.command = { command: 'heroku.showReleases', title: 'Show Releases', arguments: [n.app] };
        return item;
      }
      case 'message': {
        const item = new vscode.TreeItem(n.label, vscode.TreeItemCollapsibleState.None);
        item.id = n.id;
        item.tooltip = n.detail;
        item.iconPath = new vscode.ThemeIcon('warning');
        item.command = { command: 'heroku.pipelines.refresh', title: 'Refresh' };
        return item;
      }
    }
  }

  async getChildren(n?: PipelineTreeNode): Promise<PipelineTreeNode[]> {
    if (!n) return this.roots();
    if (n.kind === 'pipeline') return this.stages(n);
    if (n.kind === 'stage') return this.stageApps(n);
    return [];
  }

  private async roots(): Promise<PipelineTreeNode[]> {
    const r = listOf(await this.deps.store.readAccount('pipelines'));
    if (r.error) return r.error.id === 'no_token' ? [] : [message('pipelines/error', 'Could not list pipelines (click to retry)', describeHerokuError(r.error))];
    const list = r.list.filter((p) => p && typeof p.id === 'string' && typeof p.name === 'string');
    if (list.length === 0) return [message('pipelines/none', 'No pipelines')];
    return [...list].sort((a, b) => a.name.localeCompare(b.name)).map((p) => ({ kind: 'pipeline', id: p.id, name: p.name, ...(p.generation?.name ? { generation: p.generation.name } : {}) }));
  }

  private async appsOf(pipelineId: string): Promise<PipelineApps> {
    const { store } = this.deps;
    if (!this.expanded.has(pipelineId)) {
      this.expanded.add(pipelineId);
      this.updateWants();
    }
    const [c, r] = await Promise.all([store.readPipeline(pipelineId, 'couplings'), store.readPipeline(pipelineId, 'latestReleases')]);
    const couplings = listOf(c);
    const releases = listOf(r).list;
    const names = new Map<string, string>();
    for (const rel of releases) if (typeof rel?.app?.name === 'string') names.set(rel.app.id, rel.app.name);
    // Apps no release names (a review app with no release yet): their app slice, by id.
    const unnamed = couplings.list.filter((x) => typeof x?.app?.id === 'string' && !names.has(x.app.id));
    await Promise.all(unnamed.map(async (x) => {
      const a = await store.read(x.app.id, 'app');
      if (typeof a.value?.name === 'string') names.set(x.app.id, a.value.name);
    }));
    return { couplings: couplings.list, releases, names, ...(couplings.error ? { error: couplings.error } : {}) };
  }

  private async stages(n: Extract<PipelineTreeNode, { kind: 'pipeline' }>): Promise<PipelineTreeNode[]> {
    const a = await this.appsOf(n.id);
    if (a.error) return [message(`pipeline/${n.id}/error`, 'Could not read the apps (click to retry)', describeHerokuError(a.error))];
    const stages = STAGE_ORDER.map((stage) => ({ stage, count: a.couplings.filter((c) => c?.stage === stage).length })).filter((s) => s.count > 0);
    if (stages.length === 0) return [message(`pipeline/${n.id}/empty`, 'No apps in this pipeline')];
    return stages.map((s) => ({ kind: 'stage', pipelineId: n.id, pipelineName: n.name, stage: s.stage, count: s.count }));
  }

  private async stageApps(n: Extract<PipelineTreeNode, { kind: 'stage' }>): Promise<PipelineTreeNode[]> {
    const a = await this.appsOf(n.pipelineId);
    const couplings = a.couplings.filter((c) => c?.stage === n.stage && typeof c.app?.id === 'string');
    const rels = a.releases;
    return couplings.map((c): PipelineTreeNode => {
      const rel = releaseSummary(rels.find((r) => r?.app?.id === c.app.id));
      return {
        kind: 'app', pipelineId: n.pipelineId, pipelineName: n.pipelineName, stage: n.stage, appId: c.app.id, app: a.names.get(c.app.id) ?? c.app.id,
        ...(rel ? { release: `v${rel.version}`, status: rel.status } : {}),
      };
    }).sort((x, y) => (x.kind === 'app' && y.kind === 'app' ? x.app.localeCompare(y.app) : 0));
  }

  dispose(): void {
    for (const d of this.subs) d.dispose();
    this.deps.store.want(OWNER, []);
    this.changed.dispose();
  }
}
