// Deploy and one-off dynos are off in untrusted workspaces: a deploy uploads the folder's files to Heroku and
// runs its build and release commands there. A local stand-in for src/vscode/trust.ts (the lint branch) behind
// one function, so switching is one import.
import * as vscode from 'vscode';
import { UserFacingError } from '../commands';

export function requireTrustedWorkspace(action: string, why: string): void {
  if (vscode.workspace.isTrusted) return;
  throw new UserFacingError(`${action} is off in this untrusted workspace: ${why} Trust the folder (Workspaces: Manage Workspace Trust) to use it.`);
}
