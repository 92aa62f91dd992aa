// "Heroku: Run Command…" and "Heroku: Run Detached Command…": which app, which command (recent ones for that
// app first, then those that fit its stack, or any other), which size, then a terminal joined to the dyno, or
// for a detached run the app's log tail filtered to the new dyno (the logs feature's heroku.tailLogs).
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ONE_OFF_SIZES, rememberCommand, suggestedCommands } from '../../core/deploy/oneoff';
import { startOneOff } from '../../core/deploy/run';
import { parseProcfile } from '../../core/procfile/parser';
import { UserCancelled, UserFacingError, type CommandContext } from '../commands';
import { pickApp, targetOf, type Target } from '../deploy/pick';
import { requireTrust } from '../trust';
import type { Services } from '../services';
import { DynoPseudoterminal } from './pty';

const RECENT_KEY = (app: string) => `heroku.run.recent.${app}`;
const STACK_FILES = ['Gemfile', 'config/application.rb', 'manage.py', 'requirements.txt', 'pyproject.toml', 'package.json', 'composer.json'];

export interface RunStarted {
  terminal: vscode.Terminal;
  pty: DynoPseudoterminal;
}

function prepare(services: Services, ctx: CommandContext, what: string) {
  requireTrust(ctx, what, 'runs commands from this workspace (Procfile lines) on your Heroku app with your credentials');
  if (!services.heroku.getClient()) throw new UserFacingError('Sign in to Heroku first (Heroku: Sign In).');
  const io = services.deployIo();
  return { io, api: io.oneOff };
}

export async function runCommand(services: Services, ctx: CommandContext, arg: unknown): Promise<RunStarted> {
  const { io } = prepare(services, ctx, 'Running one-off dynos');
  const target = targetOf(arg);
  const app = await pickApp(ctx, services, target.app, target.folder, 'Run a one-off dyno on which app?');
  const command = target.command ?? target.processType ?? (await askCommand(ctx, services, app, target));
  const size = (arg as { size?: string } | undefined)?.size ?? (target.command || target.processType ? undefined : await askSize(ctx));
  await services.context.globalState.update(RECENT_KEY(app), rememberCommand(services.context.globalState.get<string[]>(RECENT_KEY(app)) ?? [], command));
  const pty = new DynoPseudoterminal({ app, command, size, io, log: ctx.log });
  const short = command.length > 40 ? `${command.slice(0, 39)}…` : command;
  const terminal = vscode.window.createTerminal({ name: `Heroku: ${short} (${app})`, pty, iconPath: new vscode.ThemeIcon('terminal') });
  terminal.show();
  void pty.done.then(() => services.state.changed(app));
  return { terminal, pty };
}

export async function runDetachedCommand(services: Services, ctx: CommandContext, arg: unknown): Promise<{ dyno: string } | undefined> {
  const { api } = prepare(services, ctx, 'Running one-off dynos');
  const target = targetOf(arg);
  const app = await pickApp(ctx, services, target.app, target.folder, 'Run a detached one-off dyno on which app?');
  const command = target.command ?? target.processType ?? (await askCommand(ctx, services, app, target));
  const size = (arg as { size?: string } | undefined)?.size ?? (target.command || target.processType ? undefined : await askSize(ctx));
  const started = await startOneOff(api, { app, command, size, attach: false });
  if (!started.ok) throw new UserFacingError(started.message);
  void services.state.changed(app);
  const dyno = started.dyno.name;
  ctx.log.info(`detached one-off dyno ${dyno} on ${app}: ${command}`);
  const commands = await vscode.commands.getCommands(true);
  if (commands.includes('heroku.tailLogs')) {
    await vscode.commands.executeCommand('heroku.tailLogs', { app, dyno });
  } else {
    void ctx.ui.showInformationMessage(`Started ${dyno} on ${app}. Its output goes to the app's logs (heroku logs --app ${app} --dyno ${dyno} --tail).`);
  }
  return { dyno };
}

async function askCommand(ctx: CommandContext, services: Services, app: string, target: Target): Promise<string> {
  const recent = services.context.globalState.get<string[]>(RECENT_KEY(app)) ?? [];
  const folder = target.folder ?? (await services.remotes.find()).find((r) => r.app === app)?.folder;
  const files = folder ? STACK_FILES.filter((f) => existsSync(path.join(folder, f))) : [];
  let processTypes: string[] = [];
  try {
    if (folder) processTypes = parseProcfile(readFileSync(path.join(folder, 'Procfile'), 'utf8')).entries.map((e) => e.name);
  } catch {
    processTypes = [];
  }
  const info = await services.heroku.getClient()?.app(app);
  const suggested = suggestedCommands({ buildpackDescription: info?.ok ? info.value.buildpack_provided_description : undefined, files, processTypes });
  const other = '$(edit) Other command…';
  const items: vscode.QuickPickItem[] = [
    ...recent.map((c) => ({ label: c, description: 'recent' })),
    ...suggested.filter((c) => !recent.includes(c)).map((c) => ({ label: c, description: processTypes.includes(c) ? 'Procfile process type' : 'suggested' })),
    { label: other },
  ];
  const pick = await ctx.ui.showQuickPick(items, { placeHolder: `Command to run on ${app}` });
  if (!pick) throw new UserCancelled();
  if (pick.label !== other) return pick.label;
  const typed = await ctx.ui.showInputBox({ prompt: `Command to run in a one-off dyno of ${app}`, placeHolder: 'rake db:migrate', value: recent[0] ?? '' });
  if (!typed?.trim()) throw new UserCancelled();
  return typed.trim();
}

async function askSize(ctx: CommandContext): Promise<string | undefined> {
  const items: (vscode.QuickPickItem & { size?: string })[] = [
    { label: 'Default', description: "the app's one-off size" },
    ...ONE_OFF_SIZES.map((s) => ({ label: s, size: s })),
  ];
  const pick = await ctx.ui.showQuickPick(items, { placeHolder: 'Dyno size' });
  if (!pick) throw new UserCancelled();
  return pick.size;
}
