// The diagram panel of one pipeline: reads it (lists first, then details, drawing each time), redraws when an
// app of the pipeline changed (the app-state store's event) and on the refresh
// interval while visible, and answers the page's requests: retry, promote, diff, CI output, releases, links.
import * as vscode from 'vscode';
import type { StageDiff } from '../../shared/pipeline-model';
import type { PromotionState } from '../../shared/pipeline-protocol';
import { allCards, buildDiagram } from '../../core/pipeline/diagram';
import { isRepoWebUrl, stageDiff } from '../../core/pipeline/diff';
import { loadPipeline, retryPart, type PipelineSnapshot } from '../../core/pipeline/load';
import { promotionConfirmation, runPromotion } from '../../core/pipeline/diagram-promotion';
import { UserFacingError } from '../commands';
import { confirmModal, mustFind, type PipelineDeps } from './deps';
import { WebviewHost } from './host';
import { webviewHtml, webviewOptions } from './html';
import { showCiOutput } from './outputs';

export const PIPELINE_VIEW_TYPE = 'heroku.pipelineDiagram';

export class PipelinePanel implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  readonly host: WebviewHost;
  snap: PipelineSnapshot | undefined;
  seq = 0;
  /** performance.now() marks for the benchmark: panel created, first model sent, complete model sent. */
  readonly marks: { created: number; firstSent?: number; completeSent?: number } = { created: performance.now() };
  /** Every promotion state the page was sent (tests and the benchmark read it). */
  readonly promotions: PromotionState[] = [];
  private load: AbortController | undefined;
  private readonly subs: vscode.Disposable[] = [];
  private reloadQueued = false;
  private readonly disposedEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposedEmitter.event;

  constructor(private readonly deps: PipelineDeps, readonly query: string, column = vscode.ViewColumn.Active) {
    this.panel = vscode.window.createWebviewPanel(PIPELINE_VIEW_TYPE, `Pipeline: ${query}`, column, webviewOptions(deps.extensionUri));
    this.host = new WebviewHost(this.panel.webview, {
      retry: async (p) => { await this.reload(p.retryKey); return null; },
      promote: (p) => this.promote(p.appId),
      diff: (p) => this.diff(p.sourceAppId, p.targetAppId),
      ciOutput: async (p) => { await this.ciOutput(p.runId); return null; },
      openReleases: async (p) => { await vscode.commands.executeCommand('heroku.showReleases', p.app); return null; },
      tailLogs: async (p) => { await vscode.commands.executeCommand('heroku.tailLogs', p.app); return null; },
      openExternal: async (p) => {
        if (!isRepoWebUrl(p.url)) throw new UserFacingError('Only links to GitHub, GitLab or Bitbucket open from here.');
        await vscode.env.openExternal(vscode.Uri.parse(p.url, true));
        return null;
      },
    }, deps.log, () => this.push());
    this.panel.webview.html = webviewHtml(this.panel.webview, deps.extensionUri, 'pipeline', `Pipeline ${query}`);
    this.subs.push(this.host, this.disposedEmitter,
      this.panel.onDidDispose(() => this.dispose()),
      deps.onDidChangeApp((app) => { if (this.hasApp(app)) this.queueReload(); }),
      deps.onDidChangeSession(() => this.queueReload()));
    this.schedule();
    void this.reload();
  }

  private hasApp(name: string): boolean {
    if (!this.snap) return false;
    const d = buildDiagram(this.snap);
    return allCards(d).some((c) => c.name === name || c.appId === name);
  }

  /** Several apps of one action (a promotion's source and targets) change together: one reload. */
  private queueReload(): void {
    if (this.reloadQueued) return;
    this.reloadQueued = true;
    queueMicrotask(() => {
      this.reloadQueued = false;
      void this.reload();
    });
  }

  /** Re-read on the one scheduler's ticks while the panel is visible (no timer of its own). */
  private schedule(): void {
    this.subs.push(this.deps.onDidTick(() => { if (this.panel.visible) void this.reload(); }));
  }

  /** Reads the pipeline (or one part of it) again; a newer read supersedes an older one. */
  async reload(retryKey?: string): Promise<void> {
    this.load?.abort();
    const ac = new AbortController();
    this.load = ac;
    const onProgress = (s: PipelineSnapshot): void => {
      if (ac.signal.aborted) return;
      this.snap = s;
      this.push();
    };
    const o = { signal: ac.signal, onProgress };
    try {
      const s = this.snap && retryKey ? await retryPart(this.deps.api, this.snap, retryKey, o) : await loadPipeline(this.deps.api, this.query, o);
      if (!ac.signal.aborted) {
        this.snap = s;
        if (s.pipeline.ok) this.panel.title = `Pipeline: ${s.pipeline.value.name}`;
        this.push();
      }
    } catch (err) {
      this.deps.log.error(`pipeline ${this.query}: reading failed`, err);
    }
  }

  private push(): void {
    if (!this.snap) return;
    this.host.post({ type: 'diagram', seq: ++this.seq, diagram: buildDiagram(this.snap) });
    this.marks.firstSent ??= performance.now();
    if (this.snap.complete) this.marks.completeSent ??= performance.now();
  }

  private cards() {
    return this.snap ? allCards(buildDiagram(this.snap)) : [];
  }

  private async promote(appId: string): Promise<PromotionState | null> {
    const cards = this.cards();
    const source = mustFind(cards.find((c) => c.appId === appId), 'That app');
    if (!source.promote) throw new UserFacingError(`${source.name} has no next stage to promote to.`);
    const targets = source.promote.targets.map((t) => cards.find((c) => c.appId === t.appId)).filter((c) => c !== undefined);
    const ask = promotionConfirmation(source, targets);
    await confirmModal(this.deps, ask.message, ask.detail, 'Promote');
    const pipelineId = this.snap?.pipeline.ok ? this.snap.pipeline.value.id : '';
    const end = await runPromotion(this.deps.api, this.deps.clock, { pipelineId, source, targets }, (s) => {
      this.promotions.push(s);
      this.host.post({ type: 'promotion', state: s });
    }, { signal: this.deps.signal });
    // The store re-reads only what a view wants, and tells only of a change: this panel reads itself again.
    for (const n of [source.name, ...targets.map((t) => t.name)]) this.deps.notifyAppChanged(n);
    this.queueReload();
    this.deps.log.info(end.text ?? 'promotion finished');
    return end;
  }

  private async diff(sourceAppId: string, targetAppId: string): Promise<StageDiff> {
    const cards = this.cards();
    const source = mustFind(cards.find((c) => c.appId === sourceAppId), 'That app');
    const target = mustFind(cards.find((c) => c.appId === targetAppId), 'That app');
    const folder = await this.deps.folderOf([source.name, target.name]);
    return stageDiff(this.deps.git, folder, source, target);
  }

  private async ciOutput(runId: string): Promise<void> {
    const d = this.snap ? buildDiagram(this.snap) : undefined;
    const run = mustFind(d?.columns.flatMap((c) => c.runs ?? []).find((r) => r.id === runId), 'That CI run');
    await showCiOutput(this.deps, d?.pipeline.name ?? this.query, run.id, run.number, this.deps.signal);
  }

  private disposed = false;

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.load?.abort();
    this.disposedEmitter.fire();
    for (const s of this.subs.splice(0)) s.dispose();
    this.panel.dispose();
  }
}
