// The release timeline of one app (the same webview bundle in `releases` mode): versions with status, kind,
// who and when, the current marker; release-phase output into an output channel; "Roll back to vN" with a
// confirmation naming the release, its commit and what a rollback leaves alone.
import * as vscode from 'vscode';
import type { ReleaseTimeline } from '../../shared/pipeline-model';
import { describeHerokuError } from '../../core/heroku/result';
import { buildTimeline, releaseCommit, rollbackConfirmation } from '../../core/pipeline/timeline';
import { UserFacingError } from '../commands';
import { confirmModal, mustFind, type PipelineDeps } from './deps';
import { WebviewHost } from './host';
import { webviewHtml, webviewOptions } from './html';
import { showReleaseOutput } from './outputs';

export const RELEASES_VIEW_TYPE = 'heroku.releaseTimeline';
const LIMIT = 50;

export class ReleasesPanel implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  readonly host: WebviewHost;
  timeline: ReleaseTimeline | undefined;
  seq = 0;
  private readonly subs: vscode.Disposable[] = [];
  private load: AbortController | undefined;
  private readonly disposedEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposedEmitter.event;
  private disposed = false;

  constructor(private readonly deps: PipelineDeps, readonly app: string) {
    this.panel = vscode.window.createWebviewPanel(RELEASES_VIEW_TYPE, `Releases: ${app}`, vscode.ViewColumn.Active, webviewOptions(deps.extensionUri));
    this.host = new WebviewHost(this.panel.webview, {
      retry: async () => { await this.reload(); return null; },
      releaseOutput: async (p) => { await showReleaseOutput(this.deps, this.app, p.releaseId, this.deps.signal); return null; },
      rollback: (p) => this.rollback(p.releaseId),
    }, deps.log, () => this.push());
    this.panel.webview.html = webviewHtml(this.panel.webview, deps.extensionUri, 'releases', `Releases of ${app}`);
    this.subs.push(this.host, this.disposedEmitter, this.panel.onDidDispose(() => this.dispose()),
      deps.onDidChangeApp((name) => { if (name === this.app) void this.reload(); }),
      deps.onDidChangeSession(() => void this.reload()));
    void this.reload();
  }

  async reload(): Promise<void> {
    this.load?.abort();
    const ac = new AbortController();
    this.load = ac;
    const r = await this.deps.api.releases(this.app, LIMIT, { signal: ac.signal });
    if (ac.signal.aborted) return;
    this.timeline = buildTimeline(this.app, r);
    this.push();
  }

  private push(): void {
    if (this.timeline) this.host.post({ type: 'timeline', seq: ++this.seq, timeline: this.timeline });
  }

  private async rollback(releaseId: string): Promise<string> {
    const entry = mustFind(this.timeline?.entries.find((e) => e.id === releaseId), 'That release');
    if (!entry.rollback) throw new UserFacingError(`v${entry.version} of ${this.app} cannot be rolled back to (${entry.current ? 'it is the current release' : entry.status}).`);
    const full = await this.deps.api.release(this.app, releaseId, { signal: this.deps.signal });
    const slugId = full.ok ? full.value.slug?.id : undefined;
    const slug = slugId ? await this.deps.api.slug(this.app, slugId, { signal: this.deps.signal }) : undefined;
    const commit = releaseCommit(entry, slug?.ok ? slug.value.commit : undefined);
    const ask = rollbackConfirmation(this.app, entry, commit);
    await confirmModal(this.deps, ask.message, ask.detail, 'Roll Back');
    const created = await this.deps.api.rollback(this.app, releaseId, { signal: this.deps.signal });
    if (!created.ok) throw new UserFacingError(`Could not roll ${this.app} back to v${entry.version}: ${describeHerokuError(created.error)}`);
    const text = `Rolled ${this.app} back to v${entry.version} (new release v${created.value.version}).`;
    // The store re-reads only what a view wants, and tells only of a change: this panel reads itself again.
    this.deps.notifyAppChanged(this.app);
    void this.reload();
    this.deps.log.info(text);
    void this.deps.ui().showInformationMessage(text);
    return text;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.load?.abort();
    this.disposedEmitter.fire();
    for (const s of this.subs.splice(0)) s.dispose();
    this.panel.dispose();
  }
}
