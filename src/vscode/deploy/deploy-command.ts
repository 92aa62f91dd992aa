// "Heroku: Deploy…": pick the app and the folder, check the Procfile, app.json and heroku.yml (stop on errors
// unless the user goes on), then pack, upload, build and release under a cancellable notification, with every
// step and the build and release output in "Heroku Build: <app>", and the result (or the failing step, its
// first error lines and the known cause) at the end. The explorer and status bar re-read the app after it.
import * as vscode from 'vscode';
import { runDeploy } from '../../core/deploy/deploy';
import { renderEvent, statusLine } from '../../core/deploy/render';
import { DeployTracker, STEP_TITLES, type DeployState } from '../../core/deploy/steps';
import type { RuleOverrides } from '../../core/lint/types';
import { preflightLines } from '../../core/deploy/preflight-text';
import { UserCancelled, UserFacingError, type CommandContext } from '../commands';
import type { Services } from '../services';
import type { BuildChannels } from './channels';
import { pickApp, pickFolder, targetOf } from './pick';
import { requireTrust } from '../trust';

export interface DeployOutcome {
  app: string;
  folder: string;
  state: DeployState;
  /** The whole text written to the output channel (tests read it). */
  log: string;
}

export async function deployCommand(services: Services, channels: BuildChannels, ctx: CommandContext, arg: unknown): Promise<DeployOutcome | undefined> {
  requireTrust(ctx, 'Deploying', "uploads this workspace's files to Heroku, which builds and runs them");
  const client = services.heroku.getClient() ?? (await services.heroku.resolveClient());
  if (!client) throw new UserFacingError('Sign in to Heroku first (Heroku: Sign In).');
  const target = targetOf(arg);
  const app = await pickApp(ctx, services, target.app, target.folder, 'Deploy to which Heroku app?');
  const folder = await pickFolder(ctx, services, app, target.folder);

  const overrides = vscode.workspace.getConfiguration('heroku.lint', vscode.Uri.file(folder)).get<RuleOverrides>('rules');
  const io = services.deployIo();
  const lint = io.preflight(folder, overrides);
  if (lint.errors > 0) {
    const lines = preflightLines(lint);
    const answer = await ctx.ui.showWarningMessage(
      `${lint.errors} error${lint.errors === 1 ? '' : 's'} in ${lint.files.filter((f) => f.problems.some((p) => p.severity === 'error')).map((f) => f.name).join(', ')}: the deploy may fail.`,
      { modal: true, detail: lines.slice(0, 8).join('\n') }, 'Deploy Anyway', 'Show Problems');
    if (answer === 'Show Problems') void vscode.commands.executeCommand('workbench.actions.view.problems');
    if (answer !== 'Deploy Anyway') throw new UserCancelled();
  }

  const channel = channels.get(app);
  channel.clear();
  channel.show(true);
  let log = '';
  const write = (text: string) => {
    if (!text) return;
    const safe = services.redactor.redact(text);
    log += safe;
    channel.append(safe);
  };
  write(`=== Deploying ${folder} to ${app}\n`);
  const tracker = new DeployTracker({ hasProcfile: lint.hasProcfile });
  tracker.apply({ type: 'step', step: 'lint', status: 'running' });
  write(`--> ${STEP_TITLES.lint}\n`);
  for (const l of preflightLines(lint, true)) write(`    ${l}\n`);
  tracker.apply({ type: 'step', step: 'lint', status: 'done', detail: `${lint.errors} errors, ${lint.warnings} warnings` });

  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Deploying to ${app}`, cancellable: true }, async (progress, token) => {
    const ac = new AbortController();
    const sub = token.onCancellationRequested(() => ac.abort());
    let shown = '';
    try {
      await runDeploy(io.ports, { app, folder, signal: ac.signal }, (e) => {
        const state = tracker.apply(e);
        write(renderEvent(e, state));
        const line = statusLine(state);
        if (line !== shown) {
          shown = line;
          progress.report({ message: line });
        }
      });
    } finally {
      sub.dispose();
    }
  });
  void services.state.changed(app);
  const state = tracker.snapshot;
  void announce(ctx, app, state, channel);
  ctx.log.info(`deploy of ${folder} to ${app}: ${state.outcome?.kind ?? 'unfinished'}`);
  return { app, folder, state, log };
}

async function announce(ctx: CommandContext, app: string, state: DeployState, channel: vscode.OutputChannel): Promise<void> {
  const o = state.outcome;
  if (!o) return;
  if (o.kind === 'succeeded') {
    const v = o.release ? ` v${o.release.version}` : '';
    const pick = await ctx.ui.showInformationMessage(`Deployed ${app}${v}.`, ...(o.webUrl ? ['Open App'] : []), 'Show Output');
    if (pick === 'Open App' && o.webUrl) await vscode.env.openExternal(vscode.Uri.parse(o.webUrl));
    if (pick === 'Show Output') channel.show();
    return;
  }
  if (o.kind === 'cancelled') {
    void ctx.ui.showInformationMessage(`Deploy to ${app} cancelled.${o.note ? ` ${o.note}` : ''}`);
    return;
  }
  const cause = o.explanation ? ` ${o.explanation.title}` : '';
  const pick = await ctx.ui.showWarningMessage(`Deploy to ${app} failed at "${STEP_TITLES[o.step]}": ${o.message}${cause}`, {},
    'Show Output', ...(o.explanation ? ['Learn More'] : []));
  if (pick === 'Show Output') channel.show();
  if (pick === 'Learn More' && o.explanation) await vscode.env.openExternal(vscode.Uri.parse(o.explanation.docs));
}
