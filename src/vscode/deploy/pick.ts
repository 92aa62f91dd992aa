// Which app and which folder a deploy or a one-off dyno is for: the explorer node's or the argument's, else a
// quick pick with the workspace's apps first (their git remotes) and the account's other apps after them; the
// folder is the app's repository folder, or one of the workspace's folders that hold a Procfile, app.json or
// heroku.yml (a monorepo's apps), asked when there is more than one.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { UserCancelled, UserFacingError, type CommandContext } from '../commands';
import type { Services } from '../services';

export interface Target {
  app?: string;
  folder?: string;
  /** A process type (from the explorer or a Procfile line). */
  processType?: string;
  command?: string;
}

/** Reads what a menu, CodeLens or test passed: an explorer node, an app name, a Uri (editor title) or a Target. */
export function targetOf(arg: unknown): Target {
  if (typeof arg === 'string') return { app: arg };
  if (arg instanceof vscode.Uri) return { folder: path.dirname(arg.fsPath) };
  if (typeof arg !== 'object' || arg === null) return {};
  const o = arg as Record<string, unknown>;
  const str = (k: string) => (typeof o[k] === 'string' && o[k] ? (o[k] as string) : undefined);
  if (typeof o.kind === 'string' && typeof o.id === 'string') {
    return { app: str('app'), processType: o.kind === 'formation' ? str('ref') : undefined };
  }
  return { app: str('app'), folder: str('folder'), processType: str('processType'), command: str('command') };
}

export async function pickApp(ctx: CommandContext, services: Services, preset: string | undefined, folder: string | undefined, title: string): Promise<string> {
  if (preset) return preset;
  const remotes = [...(await services.remotes.find())].sort((a, b) => Number(b.remote === 'heroku') - Number(a.remote === 'heroku'));
  const inFolder = folder ? remotes.filter((r) => path.relative(r.folder, folder) === '' || !path.relative(r.folder, folder).startsWith('..')) : [];
  const local = [...new Set([...inFolder, ...remotes].map((r) => r.app))];
  const items: vscode.QuickPickItem[] = local.map((a) => ({ label: a, description: 'this workspace' }));
  const client = services.heroku.getClient();
  const all = client ? await client.apps() : undefined;
  if (all?.ok) {
    for (const a of [...all.value].sort((x, y) => x.name.localeCompare(y.name))) {
      if (!local.includes(a.name)) items.push({ label: a.name, description: a.team?.name ?? 'personal' });
    }
  }
  if (items.length === 0) throw new UserFacingError(all && !all.ok ? `Could not list apps: ${all.error.message}` : 'No Heroku apps found.');
  const pick = await ctx.ui.showQuickPick(items, { placeHolder: title, matchOnDescription: true });
  if (!pick) throw new UserCancelled();
  return pick.label;
}

const MARKERS = ['Procfile', 'app.json', 'heroku.yml'];

/** The folder to deploy: given, the app's repository folder when there is one, else asked among candidates. */
export async function pickFolder(ctx: CommandContext, services: Services, app: string, preset: string | undefined): Promise<string> {
  if (preset) return preset;
  const mine = [...new Set((await services.remotes.find()).filter((r) => r.app === app).map((r) => r.folder))];
  if (mine.length === 1) return mine[0];
  const candidates = new Set<string>(mine);
  for (const f of vscode.workspace.workspaceFolders ?? []) candidates.add(f.uri.fsPath);
  const found = await vscode.workspace.findFiles(`**/{${MARKERS.join(',')}}`, '**/{node_modules,.git,vendor,dist,out}/**', 200);
  for (const uri of found) candidates.add(path.dirname(uri.fsPath));
  const list = [...candidates].sort();
  if (list.length === 0) throw new UserFacingError('Open a folder to deploy first.');
  if (list.length === 1) return list[0];
  const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const items = list.map((f) => ({
    label: root && f.startsWith(root) ? path.relative(root, f) || path.basename(f) : f,
    description: mine.includes(f) ? `git remote of ${app}` : MARKERS.filter((m) => found.some((u) => u.fsPath === path.join(f, m))).join(', '),
    folder: f,
  }));
  const pick = await ctx.ui.showQuickPick(items, { placeHolder: `Folder to deploy to ${app}`, matchOnDescription: true });
  if (!pick) throw new UserCancelled();
  return pick.folder;
}
