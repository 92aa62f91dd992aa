import { invalidParams, notFound } from '../http';
import type { OneOffDynos, RunRequest } from '../oneoff/dynos';
import type { RouteContext, Router } from '../router';
import { restartDynos } from '../state/mutations';
import type { Dyno } from '../state/types';
import { dynoView } from '../views/dynos';
import { appForChange, appParam, body, json, list, optBool, optInt, optString } from './helpers';

function findDyno(ctx: RouteContext, appId: string, key: string): Dyno {
  const d = ctx.state.appsOf(ctx.state.dynos, appId).find((x) => x.name === key || x.id === key.toLowerCase());
  if (!d) throw notFound('dyno');
  return d;
}

function runRequest(ctx: RouteContext): RunRequest {
  const b = body(ctx);
  const command = optString(b, 'command');
  if (!command) throw invalidParams('command is required.');
  const env: Record<string, string> = {};
  if (b.env !== undefined && b.env !== null) {
    if (typeof b.env !== 'object' || Array.isArray(b.env)) throw invalidParams('env must be an object.');
    for (const [k, v] of Object.entries(b.env)) {
      if (v === null || v === undefined) continue;
      if (typeof v === 'object') throw invalidParams(`env.${k} must be a string.`);
      env[k] = String(v);
    }
  }
  return {
    command, attach: optBool(b, 'attach') ?? false, size: optString(b, 'size') ?? 'basic', type: optString(b, 'type') ?? 'run', env,
    timeToLive: optInt(b, 'time_to_live', 1),
  };
}

/** A one-off dyno ends: its process is killed (the dyno leaves once it has exited), or it leaves now if none runs. */
function endOneOff(ctx: RouteContext, oneOff: OneOffDynos, d: Dyno): void {
  if (!oneOff.stop(d.id)) ctx.state.dynos.delete(d.id);
}

/** Dynos: list, info, restart all / one / a type, stop, run a one-off. */
export function dynoRoutes(r: Router, oneOff: OneOffDynos): void {
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
    // A dyno name (web.1) or id restarts that dyno (a one-off one ends); a bare process type (web) restarts all of
    // that type.
    const one = key.includes('.') || /^[0-9a-f-]{36}$/i.test(key) ? findDyno(ctx, app.id, key) : undefined;
    if (one?.oneOff) {
      endOneOff(ctx, oneOff, one);
      return json({}, 202);
    }
    const hit = one
      ? restartDynos(ctx.state, app.id, (d) => d.id === one.id)
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
    // The platform replaces a stopped formation dyno.
    if (d.oneOff) endOneOff(ctx, oneOff, d);
    else restartDynos(ctx.state, app.id, (x) => x.id === d.id);
    return json({}, 202);
  });
  r.post('/apps/:app/formations/:type/actions/stop', (ctx) => {
    const app = appForChange(ctx);
    ctx.state.formationOf(app.id, ctx.params.type);
    restartDynos(ctx.state, app.id, (d) => d.type === ctx.params.type);
    return json({}, 202);
  });
  r.post('/apps/:app/dynos', async (ctx) => {
    const req = runRequest(ctx);
    const app = appForChange(ctx);
    const d = await oneOff.start(ctx.state, app, req);
    return json(dynoView(ctx.state, d), 201);
  });
}
