// CodeLens above each process type of a deployed `Procfile`: the workspace app's formation for that type
// ("web: 2 × Standard-1X on dana-blog"), which runs the explorer's scale command. Nothing is shown when signed out,
// when the Procfile is not at the root of a git repository whose remote names a Heroku app, or before the
// formation has been read.
// Cost: the formation is read once per app and again when older than the explorer's refresh interval (the client's
// ETag cache makes an unchanged answer a 304), on sign-in changes and after any action on the app; never per keystroke.
import { dirname, relative } from 'node:path';
import * as vscode from 'vscode';
import type { ExplorerNode } from '../../core/tree/nodes';
import type { Formation } from '../../core/heroku/types';
import { formationLenses } from '../../core/procfile/lens';
import { parseProcfile } from '../../core/procfile/parser';
import type { Services } from '../services';

export const SCALE_FROM_LENS = 'heroku.procfile.scale';

/**
 * The Heroku app whose git repository has the Procfile at its root (Heroku reads only the root's Procfile; a
 * `heroku` remote first). A Procfile in a sub-folder of the repository gets none.
 */
async function appFor(remotes: Services['remotes'], procfilePath: string): Promise<string | undefined> {
  const dir = dirname(procfilePath);
  const here = (await remotes.find()).filter((r) => relative(r.folder, dir) === '');
  here.sort((a, b) => Number(b.remote === 'heroku') - Number(a.remote === 'heroku'));
  return here[0]?.app;
}

interface Cached {
  /** The last good answer, or undefined after a failure. */
  answer?: Formation[];
  at: number;
  loading?: Promise<void>;
}

/** Formation answers per app, re-read only when stale. */
class FormationCache implements vscode.Disposable {
  private readonly entries = new Map<string, Cached>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly services: Services) {}

  /** The cached answer for `app` (undefined until read); starts a background read when missing or stale. */
  peek(app: string): Formation[] | undefined {
    const entry = this.entries.get(app);
    if (!entry || (!entry.loading && Date.now() - entry.at > maxAgeMs())) this.load(app, entry);
    return entry?.answer;
  }

  invalidate(app?: string): void {
    if (app === undefined) this.entries.clear();
    else this.entries.delete(app);
    this.changed.fire();
  }

  private load(app: string, previous: Cached | undefined): void {
    const client = this.services.heroku.getClient();
    if (!client) return;
    const entry: Cached = previous ?? { at: 0 };
    this.entries.set(app, entry);
    entry.loading = client.formation(app).then((r) => {
      const answer = r.ok ? r.value : undefined;
      if (!r.ok) this.services.log.debug(`procfile lens: formation of ${app}: ${r.error.message}`);
      const same = JSON.stringify(answer) === JSON.stringify(entry.answer);
      entry.answer = answer;
      entry.at = Date.now();
      entry.loading = undefined;
      if (!same && this.entries.get(app) === entry) this.changed.fire();
    }, (err: unknown) => {
      entry.at = Date.now();
      entry.loading = undefined;
      this.services.log.error(`procfile lens: reading the formation of ${app} failed`, err);
    });
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Older answers are re-read on the explorer's schedule (`heroku.explorer.refreshInterval`; 0: never). */
function maxAgeMs(): number {
  const seconds = vscode.workspace.getConfiguration('heroku.explorer').get<number>('refreshInterval', 60);
  return seconds > 0 ? Math.max(15, seconds) * 1000 : Infinity;
}

export class ProcfileCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly formations: FormationCache;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subs: vscode.Disposable[] = [];

  constructor(private readonly services: Services) {
    this.formations = new FormationCache(services);
    this.subs.push(
      this.changed, this.formations,
      this.formations.onDidChange(() => this.changed.fire()),
      services.heroku.onDidChangeSession(() => this.formations.invalidate()),
      // Any action on an app (scale from the tree or the status bar, restart, rollback, promote) re-reads its formation.
      services.heroku.onDidChangeApp((app) => this.formations.invalidate(app)),
      services.remotes.onDidChange(() => this.changed.fire()),
      vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('heroku.procfile.codeLens')) this.changed.fire(); }),
      services.commands.register(SCALE_FROM_LENS, async (_ctx, app: unknown, type: unknown) => {
        if (typeof app !== 'string' || typeof type !== 'string') return;
        // The explorer's scale command, preset to this app and process type as if its formation node was clicked.
        const node: ExplorerNode = { id: `procfile-lens/${app}/${type}`, kind: 'formation', label: type, app, ref: type, contextValue: 'heroku.formation', collapsible: 'none' };
        try {
          await vscode.commands.executeCommand('heroku.formation.scale', node);
        } finally {
          this.formations.invalidate(app);
        }
      }),
    );
  }

  async provideCodeLenses(doc: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    // Only the deployed Procfile: Procfile.dev and friends are run by `heroku local`.
    if (doc.uri.scheme !== 'file' || !doc.uri.path.endsWith('/Procfile')) return [];
    if (!vscode.workspace.getConfiguration('heroku.procfile', doc.uri).get<boolean>('codeLens', true)) return [];
    if (!this.services.heroku.getClient()) return [];
    const app = await appFor(this.services.remotes, doc.uri.fsPath);
    if (!app) return [];
    const answer = this.formations.peek(app);
    if (answer === undefined) return [];
    return formationLenses(parseProcfile(doc.getText()), app, answer).map((l) => {
      const range = new vscode.Range(l.line, 0, l.line, 0);
      return new vscode.CodeLens(range, l.scaleType === undefined
        ? { title: l.title, tooltip: l.tooltip, command: '' }
        : { title: l.title, tooltip: l.tooltip, command: SCALE_FROM_LENS, arguments: [app, l.scaleType] });
    });
  }

  dispose(): void {
    for (const d of this.subs.splice(0)) d.dispose();
  }
}
