// App actions from the tree's context menus and the palette: open, Dashboard, restart (app, process type,
// dyno), maintenance, scale, roll back, copy. Destructive ones ask first in a modal; those that wait on Heroku run
// under a cancellable notification; each says the app changed, so the tree and the status bar re-read it.
import * as vscode from 'vscode';
import { formationSize as sizeOf, sizeChoices } from '../../core/explorer/scale';
import { checkList } from '../../core/explorer/shapes';
import type { Formation, Release } from '../../core/heroku/types';
import { UserCancelled, UserFacingError, type CommandContext, type Commands } from '../commands';
import { confirm, isNode, pickApp, requireClient, unwrap, type ExplorerDeps } from './deps';
import { withCancellableProgress } from './progress';

const enc = encodeURIComponent;
const MAY_HAPPEN = 'If Heroku already received the request, it still happens; the explorer shows the current state.';

export function registerAppActions(commands: Commands, deps: ExplorerDeps): vscode.Disposable[] {
  const done = (app: string, message: string, ctx: CommandContext) => {
    deps.session.notifyAppChanged(app);
    ctx.log.info(message);
    void ctx.ui.showInformationMessage(message);
  };
  /** Runs one change under a cancellable notification. */
  const change = <T>(ctx: CommandContext, app: string, title: string, work: (signal: AbortSignal) => Promise<T>) =>
    withCancellableProgress(ctx, deps, { app, title, cancelNote: MAY_HAPPEN }, (signal) => work(signal));
  const reg = (id: string, fn: (ctx: CommandContext, arg: unknown) => Promise<unknown>) => commands.register(id, fn);

  return [
    reg('heroku.app.open', async (ctx, arg) => {
      const app = await pickApp(ctx, deps, arg);
      const url = isNode(arg) && arg.kind === 'app' && arg.ref ? arg.ref : unwrap(await requireClient(deps).app(app), `read ${app}`).web_url;
      if (!url) throw new UserFacingError(`${app} has no web URL.`);
      await vscode.env.openExternal(vscode.Uri.parse(url));
    }),
    reg('heroku.app.openDashboard', async (ctx, arg) => {
      const app = await pickApp(ctx, deps, arg);
      await vscode.env.openExternal(vscode.Uri.parse(`https://dashboard.heroku.com/apps/${enc(app)}`));
    }),
    reg('heroku.app.restart', async (ctx, arg) => {
      const app = await pickApp(ctx, deps, arg);
      await confirm(ctx, `Restart all dynos of ${app}?`, 'Restart', 'Every dyno of the app is restarted.');
      await change(ctx, app, `Restarting all dynos of ${app}…`, async (signal) =>
        unwrap(await requireClient(deps).restartAll(app, { signal }), `restart ${app}`));
      done(app, `Restarting all dynos of ${app}.`, ctx);
    }),
    reg('heroku.formation.restart', async (ctx, arg) => {
      const app = await pickApp(ctx, deps, arg);
      const type = isNode(arg) && arg.kind === 'formation' && arg.ref ? arg.ref : await pickType(ctx, deps, app);
      await confirm(ctx, `Restart every ${type} dyno of ${app}?`, 'Restart');
      await change(ctx, app, `Restarting ${type} dynos of ${app}…`, async (signal) =>
        unwrap(await requireClient(deps).restartType(app, type, { signal }), `restart ${type} dynos`));
      done(app, `Restarting ${type} dynos of ${app}.`, ctx);
    }),
    reg('heroku.dyno.restart', async (ctx, arg) => {
      const app = await pickApp(ctx, deps, arg);
      const dyno = isNode(arg) && arg.kind === 'dyno' && arg.ref ? arg.ref : await pickDyno(ctx, deps, app);
      await confirm(ctx, `Restart ${dyno} of ${app}?`, 'Restart');
      await change(ctx, app, `Restarting ${dyno} of ${app}…`, async (signal) =>
        unwrap(await requireClient(deps).restartDyno(app, dyno, { signal }), `restart ${dyno}`));
      done(app, `Restarting ${dyno} of ${app}.`, ctx);
    }),
    reg('heroku.app.maintenanceOn', async (ctx, arg) => {
      const app = await pickApp(ctx, deps, arg);
      await confirm(ctx, `Turn maintenance mode on for ${app}?`, 'Turn On', 'Web requests get a maintenance page until you turn it off.');
      unwrap(await requireClient(deps).updateApp(app, { maintenance: true }, { signal: deps.signal }), `turn maintenance on for ${app}`);
      done(app, `Maintenance mode is on for ${app}.`, ctx);
    }),
    reg('heroku.app.maintenanceOff', async (ctx, arg) => {
      const app = await pickApp(ctx, deps, arg);
      unwrap(await requireClient(deps).updateApp(app, { maintenance: false }, { signal: deps.signal }), `turn maintenance off for ${app}`);
      done(app, `Maintenance mode is off for ${app}.`, ctx);
    }),
    reg('heroku.formation.scale', async (ctx, arg) => {
      const app = await pickApp(ctx, deps, arg);
      const client = requireClient(deps);
      const formation = await readFormation(deps, app);
      if (formation.length === 0) throw new UserFacingError(`${app} has no process types yet: deploy a Procfile first.`);
      const preset = isNode(arg) && arg.kind === 'formation' ? arg.ref : undefined;
      const f = formation.find((x) => x.type === preset) ?? await pickFormation(ctx, formation);
      const quantity = await askQuantity(ctx, f);
      const size = await pickSize(ctx, deps, app, f);
      if (quantity === f.quantity && size === sizeOf(f)) return;
      const stopping = quantity < f.quantity ? ` (stops ${f.quantity - quantity} dyno${f.quantity - quantity === 1 ? '' : 's'})` : '';
      await confirm(ctx, `Scale ${f.type} of ${app} to ${quantity} × ${size}?${stopping}`, 'Scale');
      await change(ctx, app, `Scaling ${f.type} of ${app} to ${quantity} × ${size}…`, async (signal) =>
        unwrap(await client.updateFormationType(app, f.type, { quantity, size }, { signal }), `scale ${f.type}`));
      done(app, `Scaled ${f.type} of ${app} to ${quantity} × ${size}.`, ctx);
    }),
    reg('heroku.release.rollback', async (ctx, arg) => {
      const app = await pickApp(ctx, deps, arg);
      const client = requireClient(deps);
      let release: Release;
      if (isNode(arg) && arg.kind === 'release' && arg.ref) {
        release = unwrap(await client.one<Release>('GET', `/apps/${enc(app)}/releases/${enc(arg.ref)}`, { signal: deps.signal }), `read release v${arg.ref}`);
        if (typeof release.id !== 'string' || typeof release.version !== 'number') throw new UserFacingError(`Heroku sent an unexpected answer for release v${arg.ref} of ${app}.`);
      } else {
        const checked = checkList<Release>(unwrap(await client.releases(app, 20, { signal: deps.signal }), `list releases of ${app}`), 'release');
        const list = (checked.ok ? checked.items : []).filter((r) => r.current !== true && r.status === 'succeeded' && typeof r.id === 'string');
        if (list.length === 0) throw new UserFacingError(`${app} has no earlier succeeded release to roll back to.`);
        const pick = await ctx.ui.showQuickPick(list.map((r) => ({ label: `v${r.version}`, description: r.description, release: r })), { placeHolder: 'Roll back to' });
        if (!pick) throw new UserCancelled();
        release = pick.release;
      }
      if (release.current) throw new UserFacingError(`v${release.version} is already the current release of ${app}.`);
      await confirm(ctx, `Roll ${app} back to v${release.version}?`, 'Roll Back', `A new release is created with the code and config of v${release.version}.`);
      const created = await change(ctx, app, `Rolling ${app} back to v${release.version}…`, async (signal) =>
        unwrap(await client.rollback(app, release.id, { signal }), `roll back to v${release.version}`));
      done(app, `Rolled ${app} back to v${release.version} (new release v${created.version}).`, ctx);
    }),
    reg('heroku.explorer.copyName', async (_ctx, arg) => {
      if (!isNode(arg)) return;
      await vscode.env.clipboard.writeText(arg.label);
    }),
  ];
}

/** The formation, without items that lack a type or a quantity (a malformed answer must not break the pick). */
async function readFormation(deps: ExplorerDeps, app: string): Promise<Formation[]> {
  const list = unwrap(await requireClient(deps).formation(app, { signal: deps.signal }), `read the formation of ${app}`);
  const checked = checkList<Formation>(list, 'formation');
  return checked.ok ? checked.items : [];
}

async function pickType(ctx: CommandContext, deps: ExplorerDeps, app: string): Promise<string> {
  const formation = await readFormation(deps, app);
  if (formation.length === 0) throw new UserFacingError(`${app} has no process types yet: deploy a Procfile first.`);
  return (await pickFormation(ctx, formation)).type;
}

async function pickFormation(ctx: CommandContext, formation: Formation[]): Promise<Formation> {
  if (formation.length === 1) return formation[0];
  const pick = await ctx.ui.showQuickPick(formation.map((f) => ({ label: f.type, description: `${f.quantity} × ${sizeOf(f) ?? 'size unknown'}`, f })), { placeHolder: 'Process type' });
  if (!pick) throw new UserCancelled();
  return pick.f;
}

async function pickDyno(ctx: CommandContext, deps: ExplorerDeps, app: string): Promise<string> {
  const checked = checkList<{ name: string; state: string }>(unwrap(await requireClient(deps).dynos(app, { signal: deps.signal }), `list dynos of ${app}`), 'dyno');
  const dynos = checked.ok ? checked.items : [];
  if (dynos.length === 0) throw new UserFacingError(`${app} has no running dynos.`);
  const pick = await ctx.ui.showQuickPick(dynos.map((d) => ({ label: d.name, description: d.state })), { placeHolder: 'Dyno' });
  if (!pick) throw new UserCancelled();
  return pick.label;
}

async function askQuantity(ctx: CommandContext, f: Formation): Promise<number> {
  const picks = [0, 1, 2, 3, 4, 5, 10].map((n) => ({ label: String(n), description: n === f.quantity ? 'current' : undefined }));
  const pick = await ctx.ui.showQuickPick([...picks, { label: 'Other…', description: undefined }], { placeHolder: `How many ${f.type} dynos? (now ${f.quantity})` });
  if (!pick) throw new UserCancelled();
  if (pick.label !== 'Other…') return Number(pick.label);
  const text = await ctx.ui.showInputBox({
    prompt: `Number of ${f.type} dynos`, value: String(f.quantity),
    validateInput: (v) => (/^\d{1,3}$/.test(v.trim()) ? undefined : 'A whole number from 0 to 999'),
  });
  if (text === undefined) throw new UserCancelled();
  return Number(text.trim());
}

/** The size to scale to: the current one first (when the formation says what it is), then every other size. */
async function pickSize(ctx: CommandContext, deps: ExplorerDeps, app: string, f: Formation): Promise<string> {
  const current = sizeOf(f);
  const r = await requireClient(deps).list<unknown>(`/apps/${enc(app)}/available-dyno-sizes`, { signal: deps.signal });
  const ordered = sizeChoices(current, r.ok ? r.value : undefined);
  const pick = await ctx.ui.showQuickPick(ordered.map((n) => ({ label: n, description: n === current ? 'current' : undefined })),
    { placeHolder: current ? `Dyno size for ${f.type}` : `Dyno size for ${f.type} (Heroku did not say which it has now)` });
  if (!pick) throw new UserCancelled();
  return pick.label;
}
