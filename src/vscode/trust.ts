// Workspace Trust (package.json `capabilities.untrustedWorkspaces`: limited). In Restricted Mode linting, the explorer
// and everything that only reads stay on; what runs the workspace's code or sends its content to Heroku is off
// (today "Push .env to App"; the local runner and deploy will call requireTrust too). `heroku.apiUrl` is a
// restricted setting: VS Code gives `getConfiguration().get()` no workspace value for it in Restricted Mode, so a
// folder's .vscode/settings.json cannot send the user's token to another host (it is application-scoped as well).
import * as vscode from 'vscode';
import { UserCancelled, type CommandContext } from './commands';

export const MANAGE_TRUST = 'Manage Workspace Trust';

/** The message shown when `what` is refused; `why` says what it would do with the workspace. */
export function untrustedMessage(what: string, why: string): string {
  return `${what} is off in Restricted Mode: it ${why}, and this workspace is not trusted. Trust the folder to use it (${MANAGE_TRUST}).`;
}

/**
 * Returns at once in a trusted workspace. Otherwise says why `what` is off, with a button that opens VS Code's
 * Manage Workspace Trust editor, and throws UserCancelled (the command wrapper stays silent: the message is shown).
 */
export function requireTrust(ctx: CommandContext, what: string, why: string): void {
  if (vscode.workspace.isTrusted) return;
  const message = untrustedMessage(what, why);
  ctx.log.warn(message);
  void ctx.ui.showWarningMessage(message, {}, MANAGE_TRUST).then((pick) => {
    if (pick === MANAGE_TRUST) void vscode.commands.executeCommand('workbench.trust.manage');
  });
  throw new UserCancelled();
}
