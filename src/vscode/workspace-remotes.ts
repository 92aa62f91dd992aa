// The Heroku git remotes of the workspace (every file folder, monorepo sub-folders to heroku.explorer.monorepoDepth),
// found once and shared by the explorer ("This workspace"), the status bar and the Procfile CodeLens. Searched
// again when a repository's config changes (`heroku git:remote`, `git remote add`), the
// folders or the depth change, or a feature asks (the explorer's refresh button); onDidChange fires only when that
// finds other remotes than before. The search runs on first use, never at activation.
// VS Code gives extensions no reliable file events inside `.git` folders (src/infra/git/watch-configs.ts): each
// config found is watched with Node's fs.watch (the GitRemotes port's watchConfigs). A repository made after the search (`git init`, a clone) is found
// by the next search: the explorer's refresh button, a folder or depth change, files deleted or renamed in VS Code.
// No `**/.git` VS Code watcher: in code-server 4.139 one stopped the host's other file events in about half of the
// test runs (the bridge's Dockerfile and workspace-file watchers went silent). File events are coalesced (git
// writes in bursts).
import * as vscode from 'vscode';
import type { FoundRemote } from '../core/git/remotes';
import type { ConfigWatch, GitRemotes } from '../core/heroku/ports';
import { Disposable } from '../core/lifecycle';
import type { Logger } from './log';

export class WorkspaceRemotes extends Disposable {
  private found: Promise<FoundRemote[]> | undefined;
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** The config files the last search read. */
  private readonly configs: ConfigWatch;
  private pending: ReturnType<typeof setTimeout> | undefined;
  /** Fires when a new search found other remotes than the one before: call find() again. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly git: GitRemotes, private readonly log: Logger) {
    super();
    this.configs = git.watchConfigs((path) => {
      log.debug(`git remotes: ${path} changed`);
      this.invalidateSoon();
    });
    this.register(vscode.workspace.onDidDeleteFiles(() => this.invalidateSoon()));
    this.register(vscode.workspace.onDidRenameFiles(() => this.invalidateSoon()));
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(() => this.invalidate()));
    this.register(vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('heroku.explorer.monorepoDepth')) this.invalidate();
    }));
    this.register({ dispose: () => {
      clearTimeout(this.pending);
      this.configs.dispose();
    } });
  }

  /** Every Heroku remote found (a failure is logged and finds none); one search shared by concurrent callers. */
  find(): Promise<FoundRemote[]> {
    this.found ??= (async () => {
      const roots = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
      const depth = vscode.workspace.getConfiguration('heroku.explorer').get<number>('monorepoDepth', 3);
      const gitConfigs = new Set<string>();
      const found = await this.git.findHerokuRemotes(roots, { depth, gitConfigs });
      if (!this.isDisposed) this.configs.set(gitConfigs);
      this.log.debug(`git remotes: ${found.length} Heroku remote(s) in ${gitConfigs.size} repositor${gitConfigs.size === 1 ? 'y' : 'ies'}`);
      return found;
    })().catch((err: unknown) => {
      this.log.error('reading the git remotes of the workspace failed', err);
      return [];
    });
    return this.found;
  }

  /** Searches again (when anyone searched before) and fires onDidChange if the remotes differ. */
  invalidate(): void {
    if (this.isDisposed) return;
    const before = this.found;
    this.found = undefined;
    if (!before) return;
    void Promise.all([before, this.find()]).then(([a, b]) => {
      if (!this.isDisposed && key(a) !== key(b)) this.changed.fire();
    });
  }

  /** invalidate() once file events have settled. */
  private invalidateSoon(): void {
    clearTimeout(this.pending);
    this.pending = setTimeout(() => this.invalidate(), SETTLE_MS);
  }
}

const SETTLE_MS = 300;

function key(remotes: readonly FoundRemote[]): string {
  return remotes.map((r) => `${r.folder}\0${r.remote}\0${r.app}`).sort().join('\n');
}
