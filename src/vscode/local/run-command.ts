// "Heroku: Run Procfile Locally": which Procfile (the active one, or the workspace folders'), which processes (all,
// web first and release first, or some), which environment (the folder's .env as heroku local, or the config vars
// of the workspace's Heroku app), and, when the folder has several .env* files, which of them (like heroku local
// --env a,b: in the order listed, .env first, a later file's value winning; .env preselected, then the last choice);
// then one terminal per process. From a CodeLens the processes are given and the environment and env files are the
// ones last chosen for that Procfile.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { readProcfileTypes, type ProcessType } from '../../core/runner/procfile-types';
import { describeSelection, RELEASE, runOrder, type Selection } from '../../core/runner/selection';
import { appForProcfile } from '../../core/workspace/apps';
import { UserCancelled, UserFacingError, type CommandContext } from '../commands';
import type { Services } from '../services';
import type { RunInputs } from './inputs';

export interface LocalTarget {
  procfile?: string;
  processType?: string;
  all?: boolean;
  /** 'dotenv': the folder's .env; 'app': the app's config vars over it. */
  env?: 'dotenv' | 'app';
  app?: string;
  /** Env files relative to the Procfile's folder (default ['.env']). */
  envFiles?: string[];
}

export function targetOf(arg: unknown): LocalTarget {
  if (arg instanceof vscode.Uri) return { procfile: arg.fsPath };
  if (typeof arg !== 'object' || arg === null) return {};
  const o = arg as Record<string, unknown>;
  const str = (k: string) => (typeof o[k] === 'string' && o[k] ? (o[k] as string) : undefined);
  const env = str('env');
  const envFiles = Array.isArray(o.envFiles) ? o.envFiles.filter((f): f is string => typeof f === 'string') : undefined;
  return { procfile: str('procfile'), processType: str('processType'), all: o.all === true, env: env === 'app' || env === 'dotenv' ? env : undefined, app: str('app'), envFiles };
}

const ENV_KEY = (procfile: string) => `heroku.local.env.${procfile}`;
const ENV_FILES_KEY = (procfile: string) => `heroku.local.envFiles.${procfile}`;

/** `.env` and `.env.<anything>` (not `.envrc`, direnv's). */
const ENV_FILE = /^\.env(\..+)?$/;

/** The env files beside the Procfile, in the order they apply: .env first, then by name. */
function envFilesIn(services: Services, dir: string): string[] {
  const names = (services.fs.folderEntries(dir) ?? []).filter((n) => ENV_FILE.test(n) && services.fs.fileExistsUnder(dir, n));
  return names.sort((a, b) => (a === '.env' ? -1 : b === '.env' ? 1 : a < b ? -1 : a > b ? 1 : 0));
}

/** Which env files, when there are several; undefined: the default (.env). */
async function pickEnvFiles(ctx: CommandContext, found: readonly string[], remembered: readonly string[] | undefined): Promise<string[]> {
  const preselected = remembered?.filter((f) => found.includes(f)).length ? remembered : ['.env'];
  const items = found.map((file, i) => ({ label: file, description: i === 0 ? 'applied first' : 'over the ones above', picked: preselected.includes(file) }));
  const many = (await ctx.ui.showQuickPick(items, { placeHolder: 'Env files for the processes (a later one wins where they set the same variable)', canPickMany: true })) as unknown;
  if (many === undefined) throw new UserCancelled();
  const chosen = (Array.isArray(many) ? many : [many]) as vscode.QuickPickItem[];
  const labels = new Set(chosen.map((c) => c.label));
  return found.filter((f) => labels.has(f));
}

async function pickProcfile(ctx: CommandContext, services: Services): Promise<string> {
  const found = new Set<string>();
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active?.scheme === 'file' && /^Procfile/.test(path.basename(active.fsPath))) found.add(active.fsPath);
  for (const f of vscode.workspace.workspaceFolders ?? []) {
    const file = path.join(f.uri.fsPath, 'Procfile');
    if ((await services.fs.readText(file)) !== undefined) found.add(file);
  }
  const list = [...found];
  if (list.length === 0) throw new UserFacingError('There is no Procfile in this workspace to run (open one, or add one at a folder\'s root).');
  if (list.length === 1) return list[0];
  const items = list.map((file) => ({ label: vscode.workspace.asRelativePath(file), file }));
  const pick = await ctx.ui.showQuickPick(items, { placeHolder: 'Run which Procfile locally?' });
  if (!pick) throw new UserCancelled();
  return pick.file;
}

async function pickSelection(ctx: CommandContext, types: readonly ProcessType[]): Promise<Selection> {
  type Item = vscode.QuickPickItem & { selection?: Selection; several?: true };
  const ordered = [...types.filter((t) => t.name === RELEASE), ...runOrder(types)];
  const items: Item[] = [
    { label: '$(run-all) All processes', description: describeSelection(types, undefined), selection: undefined },
    ...ordered.map((t) => ({ label: t.name, description: t.command, detail: t.name === RELEASE ? 'the release phase, once' : undefined, selection: [t.name] })),
  ];
  if (ordered.length > 2) items.push({ label: '$(checklist) Choose several…', several: true });
  const pick = await ctx.ui.showQuickPick(items, { placeHolder: 'Run which processes locally?', matchOnDescription: true });
  if (!pick) throw new UserCancelled();
  if (!pick.several) return pick.selection;
  const many = (await ctx.ui.showQuickPick(ordered.map((t) => ({ label: t.name, description: t.command, picked: t.name !== RELEASE })), { placeHolder: 'Processes to run', canPickMany: true })) as unknown;
  const chosen = (Array.isArray(many) ? many : many ? [many] : []) as vscode.QuickPickItem[];
  if (chosen.length === 0) throw new UserCancelled();
  return chosen.map((c) => c.label);
}

async function pickEnv(ctx: CommandContext, app: string, remembered: 'dotenv' | 'app'): Promise<'dotenv' | 'app'> {
  const items: (vscode.QuickPickItem & { env: 'dotenv' | 'app' })[] = [
    { label: '.env', description: 'the folder\'s .env file, as heroku local', env: 'dotenv' as const },
    { label: `Config vars of ${app}`, description: 'pulled from Heroku, over .env; values are never shown', env: 'app' as const },
  ].sort((a, b) => Number(b.env === remembered) - Number(a.env === remembered));
  const pick = await ctx.ui.showQuickPick(items, { placeHolder: 'Environment for the processes' });
  if (!pick) throw new UserCancelled();
  return pick.env;
}

/** Asks what the target leaves open; returns what to plan. */
export async function askRun(ctx: CommandContext, services: Services, arg: unknown): Promise<RunInputs> {
  const target = targetOf(arg);
  const procfile = target.procfile ?? (await pickProcfile(ctx, services));
  const text = await services.fs.readText(procfile);
  if (text === undefined) throw new UserFacingError(`There is no Procfile at ${procfile}.`);
  const { types } = readProcfileTypes(path.basename(procfile), text);
  if (types.length === 0) throw new UserFacingError(`${vscode.workspace.asRelativePath(procfile)} declares no process types (expected lines such as \`web: node server.js\`).`);
  const fromLens = target.all || target.processType !== undefined;
  const selection = target.all ? undefined : target.processType ? [target.processType] : await pickSelection(ctx, types);
  const app = target.app ?? appForProcfile(await services.remotes.find(), procfile);
  const state = services.context.workspaceState;
  const remembered = state.get<'dotenv' | 'app'>(ENV_KEY(procfile)) ?? 'dotenv';
  let env = target.env ?? (fromLens ? remembered : 'dotenv');
  if (!target.env && !fromLens && app && services.heroku.getClient()) env = await pickEnv(ctx, app, remembered);
  if (env === 'app' && !app) throw new UserFacingError('This Procfile\'s folder has no Heroku git remote, so there is no app to take config vars from.');
  await state.update(ENV_KEY(procfile), env);
  let envFiles = target.envFiles;
  if (!envFiles) {
    const found = envFilesIn(services, path.dirname(procfile));
    const last = state.get<string[]>(ENV_FILES_KEY(procfile));
    if (found.length > 1 && !fromLens) {
      envFiles = await pickEnvFiles(ctx, found, last);
      await state.update(ENV_FILES_KEY(procfile), envFiles);
    } else if (found.length > 1 && last?.some((f) => found.includes(f))) {
      envFiles = last.filter((f) => found.includes(f));
    }
  }
  return { procfile, selection, app: env === 'app' ? app : undefined, envFiles };
}
