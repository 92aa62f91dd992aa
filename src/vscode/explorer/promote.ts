// Heroku: Promote (heroku.app.promote, and per-stage aliases for the tree's menu titles): promotes an app's current
// release to the apps of the next pipeline stage, as `heroku pipelines:promote` does (development → staging →
// production). The use-case is core's (src/core/pipeline/promote.ts: plan, start, poll); this file picks the
// targets, asks in a modal, shows the wait under a cancellable notification and reports each target in plain words.
import type * as vscode from 'vscode';
import { currentRelease } from '../../core/heroku/releases';
import { planAppPromotion, promote as runPromotion } from '../../core/pipeline/promote';
import { describePromotion, stageTitle } from '../../core/pipeline/promotion-plan';
import type { HerokuApi } from '../../core/heroku/api';
import { UserCancelled, UserFacingError, type CommandContext, type Commands } from '../commands';
import { confirm, pickApp, requireClient, unwrap, type ExplorerDeps } from './deps';
import { withCancellableProgress } from './progress';

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
  const plan = await planAppPromotion(client, app, { signal: deps.signal });
  if (!plan.ok) throw plan.error?.id === 'cancelled' ? new UserCancelled() : new UserFacingError(plan.message);
  const targets = await named(client, deps, plan.targets.map((c) => c.app.id));
  const chosen = await pickTargets(ctx, targets, plan.stage);
  const release = currentRelease(unwrap(await client.releases(app, 10, { signal: deps.signal }), `read the releases of ${app}`));
  const what = release ? `${app} v${release.version}` : app;
  const names = chosen.map((t) => t.name).join(', ');
  await confirm(ctx, `Promote ${what} to ${names}?`, 'Promote',
    `The ${stageTitle(plan.stage).toLowerCase()} app${chosen.length === 1 ? '' : 's'} get${chosen.length === 1 ? 's' : ''} the slug of ${what}; their config vars and add-ons stay as they are.`);
  const wanted = chosen.map((t) => t.id);
  const run = await withCancellableProgress(ctx, deps, {
    app, title: `Promoting ${what} to ${names}…`, cancelNote: 'If Heroku already started the promotion, it goes on there; the explorer shows its result.',
  }, async (signal, report) => unwrap(await runPromotion(client, deps.clock, {
    pipelineId: plan.source.pipeline.id, sourceAppId: plan.source.app.id, targetAppIds: wanted,
    ...(release ? { sourceReleaseId: release.id } : {}),
  }, {
    signal,
    onStarted: () => report('waiting for the new releases…'),
    onProgress: (ts) => report(`${ts.filter((t) => t.status !== 'pending').length} of ${wanted.length} done…`),
  }), `promote ${what}`));
  const nameOf = (id: string) => chosen.find((t) => t.id === id)?.name ?? id;
  const r = describePromotion(what, wanted, run.targets, nameOf);
  void deps.state.changed(app, ...chosen.map((t) => t.name));
  ctx.log.info(r.text);
  if (r.failed.length) void ctx.ui.showWarningMessage(r.text, {});
  else void ctx.ui.showInformationMessage(r.text);
  return r.text;
}

/** App ids with their names: from the tree's app list when it has them, else one read each. Sorted by name. */
async function named(client: HerokuApi, deps: ExplorerDeps, ids: string[]): Promise<Target[]> {
  const groups = await deps.model.loadGroups();
  const known = new Map((Array.isArray(groups) ? groups.flatMap((g) => g.apps) : []).map((a) => [a.id, a.name]));
  const targets = await Promise.all(ids.map(async (id): Promise<Target> => {
    const name = known.get(id);
    if (name) return { id, name };
    const r = await client.app(id, { signal: deps.signal });
    return { id, name: r.ok ? r.value.name : id };
  }));
  return targets.sort((a, b) => a.name.localeCompare(b.name));
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
