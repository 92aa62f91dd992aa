// Config var actions: reveal/hide (one or all), copy value, add, edit, remove (PATCH /config-vars).
// Values are never logged: each read value goes to the Redactor, and messages name keys only.
// Setting a var restarts the app's dynos (a new release). Like `heroku config:set` and the Dashboard, add and edit
// do not ask again: their input boxes say that saving restarts the dynos. Remove asks in a modal.
import * as vscode from 'vscode';
import type { Redactor } from '../../core/redact';
import { UserCancelled, UserFacingError, type CommandContext, type Commands } from '../commands';
import { confirm, isNode, pickApp, requireClient, unwrap, type ExplorerDeps } from './deps';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function registerConfigActions(commands: Commands, deps: ExplorerDeps, redactor: Redactor): vscode.Disposable[] {
  /** The app's config; values that are not text (a malformed answer) are left out. */
  const read = async (app: string): Promise<Record<string, string>> => {
    const vars = unwrap(await requireClient(deps).configVars(app, { signal: deps.signal }), `read the config vars of ${app}`);
    for (const v of Object.values(vars)) redactor.add(v);
    return vars;
  };
  const pickKey = async (ctx: CommandContext, app: string, arg: unknown): Promise<string> => {
    if (isNode(arg) && arg.kind === 'configVar' && arg.ref) return arg.ref;
    const keys = Object.keys(await read(app)).sort();
    const pick = await ctx.ui.showQuickPick(keys.map((k) => ({ label: k })), { placeHolder: `Config var of ${app}` });
    if (!pick) throw new UserCancelled();
    return pick.label;
  };
  const section = (arg: unknown) => (isNode(arg) ? deps.provider.getParent(arg) ?? arg : undefined);
  const patch = async (ctx: CommandContext, app: string, body: Record<string, string | null>, message: string) => {
    unwrap(await requireClient(deps).updateConfigVars(app, body, { signal: deps.signal }), `update the config vars of ${app}`);
    void deps.state.changed(app);
    ctx.log.info(message);
    void ctx.ui.showInformationMessage(message);
  };

  return [
    commands.register('heroku.configVar.reveal', async (ctx, arg: unknown) => {
      const app = await pickApp(ctx, deps, arg);
      deps.model.setRevealed(app, await pickKey(ctx, app, arg), true);
      deps.provider.rerender(section(arg));
    }),
    commands.register('heroku.configVar.hide', async (ctx, arg: unknown) => {
      const app = await pickApp(ctx, deps, arg);
      deps.model.setRevealed(app, await pickKey(ctx, app, arg), false);
      deps.provider.rerender(section(arg));
    }),
    commands.register('heroku.config.revealAll', async (ctx, arg: unknown) => {
      const app = await pickApp(ctx, deps, arg);
      deps.model.setRevealed(app, undefined, true, Object.keys(await read(app)));
      deps.provider.rerender(isNode(arg) ? arg : undefined);
    }),
    commands.register('heroku.config.hideAll', async (ctx, arg: unknown) => {
      const app = await pickApp(ctx, deps, arg);
      deps.model.setRevealed(app, undefined, false);
      deps.provider.rerender(isNode(arg) ? arg : undefined);
    }),
    commands.register('heroku.configVar.copyValue', async (ctx, arg: unknown) => {
      const app = await pickApp(ctx, deps, arg);
      const key = await pickKey(ctx, app, arg);
      const vars = await read(app);
      if (!(key in vars)) throw new UserFacingError(`${app} has no config var ${key}.`);
      await vscode.env.clipboard.writeText(vars[key]);
      void ctx.ui.showInformationMessage(`Copied the value of ${key}.`);
    }),
    commands.register('heroku.configVar.add', async (ctx, arg: unknown) => {
      const app = await pickApp(ctx, deps, arg);
      const existing = await read(app);
      const key = await ctx.ui.showInputBox({
        prompt: `New config var for ${app} (saving it restarts the app's dynos)`, placeHolder: 'NAME',
        validateInput: (v) => (!NAME.test(v.trim()) ? 'Letters, digits and _; not starting with a digit' : v.trim() in existing ? `${v.trim()} exists: use Edit` : undefined),
      });
      if (key === undefined) throw new UserCancelled();
      const value = await ctx.ui.showInputBox({ prompt: `Value of ${key.trim()}: Enter saves it and restarts the dynos of ${app}`, password: true });
      if (value === undefined) throw new UserCancelled();
      redactor.add(value);
      await patch(ctx, app, { [key.trim()]: value }, `Set ${key.trim()} on ${app} (the app restarts).`);
    }),
    commands.register('heroku.configVar.edit', async (ctx, arg: unknown) => {
      const app = await pickApp(ctx, deps, arg);
      const key = await pickKey(ctx, app, arg);
      const vars = await read(app);
      const revealed = deps.model.isRevealed(app, key);
      const value = await ctx.ui.showInputBox({
        prompt: `New value of ${key} on ${app}: Enter saves it and restarts the app's dynos`, value: revealed ? vars[key] : undefined,
        placeHolder: revealed ? undefined : 'current value hidden (Reveal to edit it in place)', password: !revealed,
      });
      if (value === undefined) throw new UserCancelled();
      if (value === vars[key]) return;
      redactor.add(value);
      await patch(ctx, app, { [key]: value }, `Updated ${key} on ${app} (the app restarts).`);
    }),
    commands.register('heroku.configVar.remove', async (ctx, arg: unknown) => {
      const app = await pickApp(ctx, deps, arg);
      const key = await pickKey(ctx, app, arg);
      await confirm(ctx, `Remove ${key} from ${app}?`, 'Remove', 'The app restarts without this config var.');
      await patch(ctx, app, { [key]: null }, `Removed ${key} from ${app}.`);
    }),
  ];
}
