// Heroku: Promote (heroku.app.promote, and per-stage aliases for the tree's menu titles): promotes an app's current
// release to the apps of the next pipeline stage, as `heroku pipelines:promote` does (development → staging →
// production). Picks the targets, asks in a modal, creates the promotion, waits for it under a cancellable
// notification and reports each target in plain words. The tree and the status bar re-read every target.
import type * as vscode from 'vscode';
import { planPromotion, promotionDone, readCoupling, readCouplings, readTargets, describePromotion, stageTitle, type Coupling, type TargetOutcome } from '../../core/explorer/promotion';
import type { HerokuClient } from '../../infra/heroku/client';
import { abortableSleep } from '../../infra/heroku/retry';
import type { Release } from '../../core/heroku/types';
import { UserCancelled, UserFacingError, type CommandContext, type Commands } from '../commands';
import { confirm, pickApp, requireClient, unwrap, type ExplorerDeps } from './deps';
import { withCancellableProgress } from './progress';

const POLL_MS = 1000;
/** Heroku promotions take seconds; past this the notification stops waiting (the promotion goes on). */
const MAX_WAIT_MS = 10 * 60_000;

interface Target { id: string; name: string }

/** `heroku.app.promote` for the palette; the tree's menus name the stage ("Promote to Staging…") with aliases. */
export function registerPromote(commands: Commands, deps: ExplorerDeps): vscode.Disposable[] {
  const run = (ctx: CommandContext, arg: unknown) => promote(ctx, deps, arg);
  return [
    commands.register('heroku.app.promote', run),
    commands.register('heroku.app.promoteToStaging', run),
    commands.register('heroku.app.promoteToProduction', run),
  ];
}

async function promote(ctx: CommandContext, deps: ExplorerDeps, arg: unknown): Promise<string | undefined> {
  const promotable = arg === undefined ? await deps.model.promotableApps() : undefined;
  if (promotable && promotable.size === 0) throw new UserFacingError('None of your apps is in a development or staging pipeline stage: there is nothing to promote.');
  const app = await pickApp(ctx, deps, arg, promotable && { only: promotable, placeHolder: 'App to promote' });
  const client = requireClient(deps);
  const { source, targets, stage } = await plan(client, deps, app);
  const chosen = await pickTargets(ctx, targets, stage);
  const release = currentRelease(unwrap(await client.releases(app, 10, { signal: deps.signal }), `read the releases of ${app}`));
  const what = release ? `${app} v${release.version}` : app;
  const names = chosen.map((t) => t.name).join(', ');
  await confirm(ctx, `Promote ${what} to ${names}?`, 'Promote',
    `The ${stageTitle(stage).toLowerCase()} app${chosen.length === 1 ? '' : 's'} get${chosen.length === 1 ? 's' : ''} the slug of ${what}; their config vars and add-ons stay as they are.`);
  const outcome = await withCancellableProgress(ctx, deps, {
    app, title: `Promoting ${what} to ${names}…`, cancelNote: 'If Heroku already started the promotion, it goes on there; the explorer shows its result.',
  }, async (signal, report) => {
    const created = unwrap(await client.createPromotion({
      pipelineId: source.pipelineId, sourceAppId: source.appId, targetAppIds: chosen.map((t) => t.id),
      ...(release ? { sourceReleaseId: release.id } : {}),
    }, { signal }), `promote ${what}`);
    report('waiting for the new releases…');
    return waitForTargets(client, created.id, chosen.map((t) => t.id), signal);
  });
  const nameOf = (id: string) => chosen.find((t) => t.id === id)?.name ?? id;
  const r = describePromotion(what, chosen.map((t) => t.id), outcome, nameOf);
  for (const t of chosen) deps.session.notifyAppChanged(t.name);
  deps.session.notifyAppChanged(app);
  ctx.log.info(r.text);
  if (r.failed.length) void ctx.ui.showWarningMessage(r.text, {});
  else void ctx.ui.showInformationMessage(r.text);
  return r.text;
}

/** The app's coupling, and the apps of its pipeline in the next stage (with names). */
async function plan(client: HerokuClient, deps: ExplorerDeps, app: string): Promise<{ source: Coupling; targets: Target[]; stage: string }> {
  const o = { signal: deps.signal };
  const coupled = await client.appPipelineCoupling(app, o);
  if (!coupled.ok && coupled.error.status === 404) throw new UserFacingError(`${app} is not in a pipeline: there is nothing to promote it to.`);
  const source = readCoupling(unwrap(coupled, `read the pipeline of ${app}`));
  if (!source) throw new UserFacingError(`Heroku sent an unexpected answer for the pipeline of ${app}.`);
  const all = readCouplings(unwrap(await client.pipelineCouplings(source.pipelineId, o), `read the apps of the pipeline of ${app}`));
  const p = planPromotion(app, source, all);
  if (!p.ok) throw new UserFacingError(p.message);
  const targets = await Promise.all(p.targets.map(async (c): Promise<Target> => {
    const known = await nameFromTree(deps, c.appId);
    if (known) return { id: c.appId, name: known };
    const r = await client.app(c.appId, o);
    return { id: c.appId, name: r.ok && typeof r.value.name === 'string' ? r.value.name : c.appId };
  }));
  return { source, targets: targets.sort((a, b) => a.name.localeCompare(b.name)), stage: p.stage };
}

async function nameFromTree(deps: ExplorerDeps, appId: string): Promise<string | undefined> {
  const groups = await deps.model.loadGroups();
  return Array.isArray(groups) ? groups.flatMap((g) => g.apps).find((a) => a.id === appId)?.name : undefined;
}

/** One target: no question. Several: a multi-select, all picked to start with. */
async function pickTargets(ctx: CommandContext, targets: Target[], stage: string): Promise<Target[]> {
  if (targets.length === 1) return targets;
  const items = targets.map((t) => ({ label: t.name, picked: true, target: t }));
  const options = { placeHolder: `Promote to which ${stage} apps?`, canPickMany: true } as vscode.QuickPickOptions;
  const picked = (await ctx.ui.showQuickPick(items, options)) as unknown as (typeof items)[number] | (typeof items)[number][] | undefined;
  const list = picked === undefined ? [] : Array.isArray(picked) ? picked : [picked];
  if (list.length === 0) throw new UserCancelled();
  return list.map((i) => i.target);
}

function currentRelease(releases: readonly Release[]): Release | undefined {
  const usable = releases.filter((r) => r !== null && typeof r === 'object' && typeof r.id === 'string' && typeof r.version === 'number');
  return usable.find((r) => r.current === true) ?? usable.filter((r) => r.status === 'succeeded').sort((a, b) => b.version - a.version)[0];
}

/** Polls the promotion's targets until none we asked for is pending (the Heroku CLI polls each second). */
async function waitForTargets(client: HerokuClient, promotionId: string, wanted: string[], signal: AbortSignal): Promise<TargetOutcome[]> {
  const until = Date.now() + MAX_WAIT_MS;
  for (;;) {
    const targets = readTargets(unwrap(await client.promotionTargets(promotionId, { signal, cache: false }), 'read the promotion status'));
    if (promotionDone(wanted, targets) || Date.now() > until) return targets;
    try {
      await abortableSleep(POLL_MS, signal);
    } catch {
      throw new UserCancelled();
    }
  }
}
