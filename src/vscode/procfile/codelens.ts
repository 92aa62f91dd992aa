// CodeLens above each process type of a deployed `Procfile`: the workspace app's formation for that type
// ("web: 2 × Standard-1X on dana-blog"), which runs the explorer's scale command. Nothing is shown when signed out,
// when the Procfile is not at the root of a git repository whose remote names a Heroku app (core/workspace/apps),
// or before the formation has been read.
// Cost: the formation comes from the app-state store (services.state), which this provider tells which apps' formations
// visible Procfile editors show; the one scheduler refreshes them with everything else, an action on the app
// re-reads it, and the lenses follow the store's onDidChangeApp. Never a request per keystroke.
import * as vscode from 'vscode';
import { formationLenses } from '../../core/procfile/lens';
import { parseProcfile } from '../../core/procfile/parser';
import type { ExplorerNode } from '../../core/tree/nodes';
import { appForProcfile } from '../../core/workspace/apps';
import type { Services } from '../services';

export const SCALE_FROM_LENS = 'heroku.procfile.scale';
/** The owner name the lenses register their wants under. */
const OWNER = 'procfile-lens';

/** Only the deployed Procfile: Procfile.dev and friends are run by `heroku local`. */
function isDeployedProcfile(uri: vscode.Uri): boolean {
  return uri.scheme === 'file' && uri.path.endsWith('/Procfile');
}

function enabled(uri: vscode.Uri): boolean {
  return vscode.workspace.getConfiguration('heroku.procfile', uri).get<boolean>('codeLens', true);
}

export class ProcfileCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subs: vscode.Disposable[] = [];
  /** The apps whose lenses are on screen now. */
  private shown = new Set<string>();

  constructor(private readonly services: Services) {
    const { state, remotes } = services;
    this.subs.push(
      this.changed,
      state.onDidChangeApp((e) => { if (e.slices.includes('formation') && this.shown.has(e.app)) this.changed.fire(); }),
      services.heroku.onDidChangeSession(() => this.changed.fire()),
      remotes.onDidChange(() => { void this.updateWants(); this.changed.fire(); }),
      vscode.window.onDidChangeVisibleTextEditors(() => void this.updateWants()),
      vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('heroku.procfile.codeLens')) { void this.updateWants(); this.changed.fire(); } }),
      services.commands.register(SCALE_FROM_LENS, async (_ctx, app: unknown, type: unknown) => {
        if (typeof app !== 'string' || typeof type !== 'string') return;
        // The explorer's scale command, preset to this app and process type as if its formation node was clicked.
        const node: ExplorerNode = { id: `procfile-lens/${app}/${type}`, kind: 'formation', label: type, app, ref: type, contextValue: 'heroku.formation', collapsible: 'none' };
        await vscode.commands.executeCommand('heroku.formation.scale', node);
      }),
      { dispose: () => state.want(OWNER, []) },
    );
    void this.updateWants();
  }

  /** The formations of the apps whose deployed Procfile is in a visible editor are wanted (refreshed); no others. */
  private async updateWants(): Promise<void> {
    const remotes = await this.services.remotes.find();
    const apps = new Set<string>();
    for (const e of vscode.window.visibleTextEditors) {
      const uri = e.document.uri;
      if (!isDeployedProcfile(uri) || !enabled(uri)) continue;
      const app = appForProcfile(remotes, uri.fsPath);
      if (app) apps.add(app);
    }
    this.shown = apps;
    this.services.state.want(OWNER, [...apps].map((app) => ({ app, slices: ['formation'] as const })));
  }

  async provideCodeLenses(doc: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    if (!isDeployedProcfile(doc.uri) || !enabled(doc.uri)) return [];
    if (!this.services.heroku.getClient()) return [];
    const app = appForProcfile(await this.services.remotes.find(), doc.uri.fsPath);
    if (!app) return [];
    this.shown.add(app);
    const slice = await this.services.state.read(app, 'formation');
    if (!slice.value) {
      if (slice.error) this.services.log.debug(`procfile lens: formation of ${app}: ${slice.error.message}`);
      return [];
    }
    return formationLenses(parseProcfile(doc.getText()), app, slice.value).map((l) => {
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
