// What the explorer's commands share: the client (via the session), the model and provider, and helpers to
// pick an app when a command runs from the palette and to turn a failed Result into a clear message.
import type * as vscode from 'vscode';
import type { ExplorerModel, WorkspaceApp } from '../../core/explorer/model';
import type { ExplorerNode } from '../../core/explorer/nodes';
import type { HerokuClient } from '../../infra/heroku/client';
import type { Result } from '../../core/heroku/result';
import { UserCancelled, UserFacingError, type CommandContext } from '../commands';
import type { ExplorerProvider } from './provider';

/** The part of the sign-in session the explorer uses (services.heroku). */
export interface HerokuSessionPort {
  getClient(): HerokuClient | undefined;
  onDidChangeSession: vscode.Event<unknown>;
  /** After an action changed an app: the tree and the status bar re-read (one event for both). */
  notifyAppChanged(app: string): void;
  onDidChangeApp: vscode.Event<string>;
}

export interface ExplorerDeps {
  session: HerokuSessionPort;
  model: ExplorerModel;
  provider: ExplorerProvider;
  workspaceApps(): Promise<WorkspaceApp[]>;
  /** Aborted when the explorer is disposed (deactivation): actions still running stop their requests. */
  signal: AbortSignal;
}

export function requireClient(deps: ExplorerDeps): HerokuClient {
  const client = deps.session.getClient();
  if (!client) throw new UserFacingError('Sign in to Heroku first (Heroku: Sign In).');
  return client;
}

/**
 * The value of a Result, or a clear error in Heroku's words (401 says to sign in again). A request the user or
 * the extension's shutdown cancelled ends the command quietly (see withCancellableProgress).
 */
export function unwrap<T>(r: Result<T>, doing: string): T {
  if (r.ok) return r.value;
  if (r.error.id === 'cancelled') throw new UserCancelled();
  const again = r.error.status === 401 ? ' Sign in again with "Heroku: Sign In".' : '';
  throw new UserFacingError(`Could not ${doing}: ${r.error.message}${again}`);
}

export function isNode(arg: unknown): arg is ExplorerNode {
  return typeof arg === 'object' && arg !== null && typeof (arg as ExplorerNode).id === 'string' && typeof (arg as ExplorerNode).kind === 'string';
}

export interface PickAppOptions {
  /** Offer only these apps (name → a note shown beside it, e.g. the stage a promotion goes to). */
  only?: ReadonlyMap<string, string>;
  placeHolder?: string;
}

/** The app a command acts on: the clicked node's, a string argument, or a quick pick (workspace apps first). */
export async function pickApp(ctx: CommandContext, deps: ExplorerDeps, arg: unknown, o: PickAppOptions = {}): Promise<string> {
  if (isNode(arg) && arg.app) return arg.app;
  if (typeof arg === 'string' && arg) return arg;
  const offered = (name: string) => !o.only || o.only.has(name);
  const note = (name: string, fallback: string) => (o.only?.has(name) ? `→ ${o.only.get(name)}` : fallback);
  const local = (await deps.workspaceApps()).map((w) => w.app).filter(offered);
  const groups = await deps.model.loadGroups();
  const all = Array.isArray(groups) ? groups.flatMap((g) => g.apps.map((a) => ({ name: a.name, group: g.label }))).filter((a) => offered(a.name)) : [];
  const items: vscode.QuickPickItem[] = [
    ...[...new Set(local)].map((name) => ({ label: name, description: note(name, 'this workspace') })),
    ...all.filter((a) => !local.includes(a.name)).map((a) => ({ label: a.name, description: note(a.name, a.group) })),
  ];
  if (items.length === 0) {
    throw new UserFacingError(Array.isArray(groups) ? 'No Heroku apps found.' : `Could not list apps: ${groups.message}`);
  }
  const pick = await ctx.ui.showQuickPick(items, { placeHolder: o.placeHolder ?? 'Heroku app', matchOnDescription: true });
  if (!pick) throw new UserCancelled();
  return pick.label;
}

/** A modal warning; resolves only when the user chose `action`. */
export async function confirm(ctx: CommandContext, message: string, action: string, detail?: string): Promise<void> {
  const answer = await ctx.ui.showWarningMessage(message, { modal: true, detail }, action);
  if (answer !== action) throw new UserCancelled();
}
