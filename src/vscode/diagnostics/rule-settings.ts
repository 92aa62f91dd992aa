// Says in the extension's log which `heroku.lint.rules` entries are ignored (a value such as "loud"): at start and
// whenever the setting changes, once per entry and folder. The bridges ignore such values already (applyOverrides).
import * as vscode from 'vscode';
import { parseRuleOverrides } from '../../core/lint/overrides';
import type { Logger } from '../log';

export function watchRuleSettings(log: Logger): vscode.Disposable {
  const said = new Set<string>();
  const check = () => {
    const scopes: (vscode.WorkspaceFolder | undefined)[] = [undefined, ...(vscode.workspace.workspaceFolders ?? [])];
    for (const scope of scopes) {
      for (const bad of parseRuleOverrides(vscode.workspace.getConfiguration('heroku.lint', scope?.uri).get('rules')).invalid) {
        const line = `heroku.lint.rules${scope ? ` (${scope.name})` : ''}: ignoring ${bad}`;
        if (said.has(line)) continue;
        said.add(line);
        log.warn(line);
      }
    }
  };
  check();
  return vscode.Disposable.from(
    vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('heroku.lint.rules')) check(); }),
    vscode.workspace.onDidChangeWorkspaceFolders(check),
  );
}
