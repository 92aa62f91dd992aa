import { invalidParams } from '../http';
import { STACKS } from '../state/catalog';
import type { Router } from '../router';
import { appView } from '../views/apps';
import { appForChange, appParam, body, json, list, optBool, optString } from './helpers';

const NAME = /^[a-z][a-z0-9-]{1,28}[a-z0-9]$/;

/** Apps: list (personal and team apps the account can see), info, update (maintenance, name), delete. */
export function appRoutes(r: Router): void {
  r.get('/apps', (ctx) => list([...ctx.state.apps.values()].map((a) => appView(ctx.state, a, ctx.variant))));
  r.get('/users/~/apps', (ctx) => list([...ctx.state.apps.values()].filter((a) => a.teamId === null).map((a) => appView(ctx.state, a, ctx.variant))));
  r.get('/apps/:app', (ctx) => json(appView(ctx.state, appParam(ctx), ctx.variant)));
  r.patch('/apps/:app', (ctx) => {
    const b = body(ctx);
    const maintenance = optBool(b, 'maintenance');
    const name = optString(b, 'name');
    const stack = optString(b, 'build_stack');
    if (stack !== undefined && !STACKS.some((s) => s.name === stack)) throw invalidParams(`Stack ${stack} is not available.`);
    const app = appForChange(ctx);
    if (stack !== undefined) app.stack = stack;
    if (name !== undefined && name !== app.name) {
      if (!NAME.test(name)) throw invalidParams('Name must start with a letter, end with a letter or digit and can only contain lowercase letters, digits, and dashes.');
      if ([...ctx.state.apps.values()].some((a) => a.name === name)) throw invalidParams('Name is already taken');
      app.name = name;
    }
    if (maintenance !== undefined) app.maintenance = maintenance;
    return json(appView(ctx.state, app, ctx.variant));
  });
  r.delete('/apps/:app', (ctx) => {
    const app = appForChange(ctx);
    const view = appView(ctx.state, app, ctx.variant);
    ctx.state.deleteApp(app.id);
    return json(view);
  });
}
