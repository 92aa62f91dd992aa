// "Run on Heroku" above each process type of a Procfile: a one-off dyno running that process type (as
// `heroku run <type>` does). Its own provider, beside the formation lens (src/vscode/procfile/codelens.ts);
// shown when heroku.procfile.codeLens is on and someone is signed in (a one-off dyno needs an account). Pure text
// work: no request until the lens is clicked.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseProcfile } from '../../core/procfile/parser';

export class RunLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  /** `signedIn` is asked on each render; call refresh() when the session changes. */
  constructor(private readonly signedIn: () => boolean = () => true) {}

  refresh(): void {
    this.changed.fire();
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    if (path.basename(doc.uri.fsPath) !== 'Procfile' || !this.signedIn()) return [];
    if (!vscode.workspace.getConfiguration('heroku.procfile', doc.uri).get<boolean>('codeLens', true)) return [];
    const folder = path.dirname(doc.uri.fsPath);
    return parseProcfile(doc.getText()).entries
      .filter((e) => /^[A-Za-z0-9_-]+$/.test(e.name))
      .map((e) => new vscode.CodeLens(new vscode.Range(e.line, 0, e.line, 0), {
        title: '$(terminal) Run on Heroku', tooltip: `Run ${e.name} in a one-off dyno (heroku run ${e.name})`,
        command: 'heroku.run', arguments: [{ processType: e.name, command: e.name, folder }],
      }));
  }

  dispose(): void {
    this.changed.dispose();
  }
}
