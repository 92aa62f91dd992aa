// What the explorer's commands share: the client (via the session), the model and provider, and helpers to
// pick an app when a command runs from the palette and to turn a failed Result into a clear message.
import type * as vscode from 'vscode';
import type { ExplorerModel, WorkspaceApp } from '../../core/explorer/model';
import type { ExplorerNode } from '../../core/explorer/nodes';
import type { HerokuClient } from '../../infra/heroku/client';
import type { Result } from '../../infra/heroku/errors';
import { UserCancelled, UserFacingError, type CommandContext } from '../commands';
import type { ExplorerProvider } from './provider';

/** The part of the sign-in session the explorer uses (services.heroku). */
export interface HerokuSessionPort {
  getClient(): HerokuClient | undefined;
  onDidChangeSession: vscode.Event<unknown>;
}

export interface ExplorerDeps {
  session: HerokuSessionPort;
  model: ExplorerModel;
  provider: ExplorerProvider;
  workspaceApps(): Promise<WorkspaceApp[]>;
}

export function requireClient(deps: ExplorerDeps): HerokuClient {
  const client = deps.session.getClient();
  if (!client) throw new UserFacingError('Sign in to Heroku first (Heroku: Sign In).');
  return client;
}

/** The value of a Result, or a clear error in Heroku's words (401 says to sign in again). */
export function unwrap<T>(r: Result<T>, doing: string): T {
  if (r.ok) return r.value;
  const again = r.error.status === 401 ? ' Sign in again with "Heroku: Sign In".' : '';
  throw new UserFacingError(`Could not ${doing}: ${r.error.message}${again}`);
}

export function isNode(arg: unknown): arg is ExplorerNode {
  return typeof arg === 'object' && arg !== null && typeof (arg as ExplorerNode).id === 'string' && typeof (arg as ExplorerNode).kind === 'string';
}

/** The app a command acts on: the clicked node's, a string argument, or a quick pick (workspace apps first). */
export async function pickApp(ctx: CommandContext, deps: ExplorerDeps, arg: unknown): Promise<string> {
  if (isNode(arg) && arg.app) return arg.app;
  if (typeof arg === 'string' && arg) return arg;
  const local = (await deps.workspaceApps()).map((w) => w.app);
  const groups = await deps.model.loadGroups();
  const all = Array.isArray(groups) ? groups.flatMap((g) => g.apps.map((a) => ({ name: a.name, group: g.label }))) : [];
  const items: vscode.QuickPickItem[] = [
    ...[...new Set(local)].map((name) => ({ label: name, description: 'this workspace' })),
    ...all.filter((a) => !local.includes(a.name)).map((a) => ({ label: a.name, description: a.group })),
  ];
  if (items.length === 0) {
    throw new UserFacingError(Array.isArray(groups) ? 'No Heroku apps found.' : `Could not list apps: ${groups.message}`);
  }
  const pick = await ctx.ui.showQuickPick(items, { placeHolder: 'Heroku app', matchOnDescription: true });
  if (!pick) throw new UserCancelled();
  return pick.label;
}

/** A modal warning; resolves only when the user chose `action`. */
export async function confirm(ctx: CommandContext, message: string, action: string, detail?: string): Promise<void> {
  const answer = await ctx.ui.showWarningMessage(message, { modal: true, detail }, action);
  if (answer !== action) throw new UserCancelled();
}
