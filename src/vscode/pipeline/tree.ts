// The Pipelines view: pipelines (with their generation, Cedar or Fir) → stages → apps with their current
// release. One read per level (pipelines; couplings + latest releases per pipeline), cached until a refresh, an
// app change or a session change. Failures show as an item with the reason, never an empty view.
import * as vscode from 'vscode';
import { STAGE_ORDER, type StageId } from '../../shared/pipeline-model';
import { stageTitle } from '../../core/pipeline/promotion-plan';
import { describeHerokuError, type Result } from '../../core/heroku/result';
import type { Pipeline, PipelineCoupling, PipelineRelease } from '../../core/heroku/types';
import { releaseSummary } from '../../core/pipeline/diagram';
import type { PipelineDeps } from './deps';

export const PIPELINES_VIEW = 'heroku.pipelines';

export type PipelineTreeNode =
  | { kind: 'pipeline'; id: string; name: string; generation?: string }
  | { kind: 'stage'; pipelineId: string; pipelineName: string; stage: StageId; count: number }
  | { kind: 'app'; pipelineId: string; pipelineName: string; stage: StageId; appId: string; app: string; release?: string; status?: string }
  | { kind: 'message'; id: string; label: string; detail?: string };

interface PipelineApps {
  couplings: Result<PipelineCoupling[]>;
  releases: Result<PipelineRelease[]>;
  names: Map<string, string>;
}

const message = (id: string, label: string, detail?: string): PipelineTreeNode => ({ kind: 'message', id, label, ...(detail ? { detail } : {}) });

export class PipelinesTree implements vscode.TreeDataProvider<PipelineTreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<PipelineTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private pipelines: Promise<Result<Pipeline[]>> | undefined;
  private readonly apps = new Map<string, Promise<PipelineApps>>();

  constructor(private readonly deps: PipelineDeps) {}

  refresh(): void {
    this.pipelines = undefined;
    this.apps.clear();
    this.changed.fire(undefined);
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
    this.pipelines ??= this.deps.api.pipelines({ signal: this.deps.signal });
    const r = await this.pipelines;
    if (!r.ok) return r.error.id === 'no_token' ? [] : [message('pipelines/error', 'Could not list pipelines (click to retry)', describeHerokuError(r.error))];
    const list = (Array.isArray(r.value) ? r.value : []).filter((p) => p && typeof p.id === 'string' && typeof p.name === 'string');
    if (list.length === 0) return [message('pipelines/none', 'No pipelines')];
    return list.sort((a, b) => a.name.localeCompare(b.name)).map((p) => ({ kind: 'pipeline', id: p.id, name: p.name, ...(p.generation?.name ? { generation: p.generation.name } : {}) }));
  }

  private appsOf(pipelineId: string): Promise<PipelineApps> {
    let p = this.apps.get(pipelineId);
    if (!p) {
      p = (async () => {
        const o = { signal: this.deps.signal };
        const [couplings, releases] = await Promise.all([this.deps.api.couplings(pipelineId, o), this.deps.api.latestReleases(pipelineId, o)]);
        const names = new Map<string, string>();
        if (releases.ok) for (const r of releases.value) if (typeof r?.app?.name === 'string') names.set(r.app.id, r.app.name);
        const unnamed = couplings.ok ? couplings.value.filter((c) => typeof c?.app?.id === 'string' && !names.has(c.app.id)) : [];
        await Promise.all(unnamed.map(async (c) => {
          const a = await this.deps.api.app(c.app.id, o);
          if (a.ok && typeof a.value.name === 'string') names.set(c.app.id, a.value.name);
        }));
        return { couplings, releases, names };
      })();
      this.apps.set(pipelineId, p);
    }
    return p;
  }

  private async stages(n: Extract<PipelineTreeNode, { kind: 'pipeline' }>): Promise<PipelineTreeNode[]> {
    const a = await this.appsOf(n.id);
    if (!a.couplings.ok) return [message(`pipeline/${n.id}/error`, 'Could not read the apps (click to retry)', describeHerokuError(a.couplings.error))];
    const stages = STAGE_ORDER.map((stage) => ({ stage, count: a.couplings.ok ? a.couplings.value.filter((c) => c?.stage === stage).length : 0 })).filter((s) => s.count > 0);
    if (stages.length === 0) return [message(`pipeline/${n.id}/empty`, 'No apps in this pipeline')];
    return stages.map((s) => ({ kind: 'stage', pipelineId: n.id, pipelineName: n.name, stage: s.stage, count: s.count }));
  }

  private async stageApps(n: Extract<PipelineTreeNode, { kind: 'stage' }>): Promise<PipelineTreeNode[]> {
    const a = await this.appsOf(n.pipelineId);
    const couplings = a.couplings.ok ? a.couplings.value.filter((c) => c?.stage === n.stage && typeof c.app?.id === 'string') : [];
    const rels = a.releases.ok ? a.releases.value : [];
    return couplings.map((c): PipelineTreeNode => {
      const rel = releaseSummary(rels.find((r) => r?.app?.id === c.app.id));
      return {
        kind: 'app', pipelineId: n.pipelineId, pipelineName: n.pipelineName, stage: n.stage, appId: c.app.id, app: a.names.get(c.app.id) ?? c.app.id,
        ...(rel ? { release: `v${rel.version}`, status: rel.status } : {}),
      };
    }).sort((x, y) => (x.kind === 'app' && y.kind === 'app' ? x.app.localeCompare(y.app) : 0));
  }

  dispose(): void {
    this.changed.dispose();
  }
}
