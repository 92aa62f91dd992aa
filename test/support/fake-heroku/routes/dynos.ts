import { invalidParams, notFound } from '../http';
import type { RouteContext, Router } from '../router';
import { newId } from '../state/ids';
import { restartDynos } from '../state/mutations';
import type { Dyno } from '../state/types';
import { dynoView } from '../views/dynos';
import { appForChange, appParam, body, json, list, optString } from './helpers';

function findDyno(ctx: RouteContext, appId: string, key: string): Dyno {
  const d = ctx.state.appsOf(ctx.state.dynos, appId).find((x) => x.name === key || x.id === key.toLowerCase());
  if (!d) throw notFound('dyno');
  return d;
}

/** Dynos: list, info, restart all / one / a type, stop, run a one-off. */
export function dynoRoutes(r: Router): void {
  r.get('/apps/:app/dynos', (ctx) => {
    const app = appParam(ctx);
    return list(ctx.state.appsOf(ctx.state.dynos, app.id).map((d) => dynoView(ctx.state, d)));
  });
  r.get('/apps/:app/dynos/:dyno', (ctx) => json(dynoView(ctx.state, findDyno(ctx, appParam(ctx).id, ctx.params.dyno))));
  r.delete('/apps/:app/dynos', (ctx) => {
    const app = appForChange(ctx);
    restartDynos(ctx.state, app.id, () => true);
    return json({}, 202);
  });
  r.delete('/apps/:app/dynos/:dyno', (ctx) => {
    const app = appForChange(ctx);
    const key = ctx.params.dyno;
    // A dyno name (web.1) or id restarts that dyno; a bare process type (web) restarts all of that type.
    const hit = key.includes('.') || /^[0-9a-f-]{36}$/i.test(key)
      ? restartDynos(ctx.state, app.id, (d) => d.id === findDyno(ctx, app.id, key).id)
      : restartDynos(ctx.state, app.id, (d) => d.type === key);
    if (hit.length === 0) throw notFound('dyno');
    return json({}, 202);
  });
  r.delete('/apps/:app/formations/:type', (ctx) => {
    const app = appForChange(ctx);
    ctx.state.formationOf(app.id, ctx.params.type);
    restartDynos(ctx.state, app.id, (d) => d.type === ctx.params.type);
    return json({}, 202);
  });
  r.post('/apps/:app/dynos/:dyno/actions/stop', (ctx) => {
    const app = appForChange(ctx);
    const d = findDyno(ctx, app.id, ctx.params.dyno);
    if (d.type === 'run') ctx.state.dynos.delete(d.id);
    else restartDynos(ctx.state, app.id, (x) => x.id === d.id); // the platform replaces a stopped formation dyno
    return json({}, 202);
  });
  r.post('/apps/:app/formations/:type/actions/stop', (ctx) => {
    const app = appForChange(ctx);
    ctx.state.formationOf(app.id, ctx.params.type);
    restartDynos(ctx.state, app.id, (d) => d.type === ctx.params.type);
    return json({}, 202);
  });
  r.post('/apps/:app/dynos', (ctx) => {
    const b = body(ctx);
    const command = optString(b, 'command');
    if (!command) throw invalidParams('command is required.');
    const app = appForChange(ctx);
    const used = new Set(ctx.state.appsOf(ctx.state.dynos, app.id).map((d) => d.name));
    let n = 1;
    while (used.has(`run.${n}`)) n++;
    const at = ctx.state.now();
    const d: Dyno = {
      id: newId(), appId: app.id, name: `run.${n}`, type: 'run', state: 'starting', size: optString(b, 'size') ?? 'basic',
      command, releaseId: ctx.state.currentRelease(app.id)?.id ?? null, upAt: ctx.state.clock() + ctx.state.dynoBootMs,
      createdAt: at, updatedAt: at,
    };
    ctx.state.dynos.set(d.id, d);
    return json(dynoView(ctx.state, d), 201);
  });
}
