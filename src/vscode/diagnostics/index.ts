// registerLinter: one call per file kind. The bridge is created here and disposed with the returned Disposable;
// the workspace scan starts after activation has finished (lazily), never blocking it.
import * as vscode from 'vscode';
import type { Services } from '../services';
import { LinterBridge, type LinterSpec } from './bridge';
import { RuleDocs } from './rule-docs';

export type { LinterSpec } from './bridge';
export { LinterBridge } from './bridge';

export function registerLinter(services: Services, spec: LinterSpec): LinterBridge {
  const docs = new RuleDocs(vscode.Uri.joinPath(services.context.extensionUri, 'docs', 'RULES.md'));
  const bridge = new LinterBridge(spec, services.log, (code) => docs.link(code), services.fs);
  bridge.scanWorkspaceLater(1500);
  return bridge;
}
