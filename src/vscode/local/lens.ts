// "Run locally" above each process type of a Procfile (Procfile.dev and friends too: they are what heroku local
// is for) and "Run all locally" on the first line. Its own provider beside the formation lens
// (src/vscode/procfile/codelens.ts) and "Run on Heroku" (src/vscode/run/codelens.ts); shown when
// heroku.procfile.codeLens is on. Pure text work: nothing runs until a lens is clicked (heroku.runLocal).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { readProcfileTypes } from '../../core/runner/procfile-types';

export class LocalLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  refresh(): void {
    this.changed.fire();
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    if (doc.uri.scheme !== 'file' || !/^Procfile/.test(path.basename(doc.uri.fsPath))) return [];
    if (!vscode.workspace.getConfiguration('heroku.procfile', doc.uri).get<boolean>('codeLens', true)) return [];
    const procfile = doc.uri.fsPath;
    const { types } = readProcfileTypes(path.basename(procfile), doc.getText());
    if (types.length === 0) return [];
    const first = new vscode.Range(0, 0, 0, 0);
    const lenses = [new vscode.CodeLens(first, {
      title: '$(run-all) Run all locally', tooltip: 'Run every process of this Procfile on this machine (web first, release first), as heroku local',
      command: 'heroku.runLocal', arguments: [{ procfile, all: true }],
    })];
    for (const t of types) {
      lenses.push(new vscode.CodeLens(new vscode.Range(t.line, 0, t.line, 0), {
        title: '$(play) Run locally', tooltip: `Run ${t.name} on this machine (${t.name}.1 in its own terminal)`,
        command: 'heroku.runLocal', arguments: [{ procfile, processType: t.name }],
      }));
    }
    return lenses;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
