import { HttpError, invalidParams } from '../http';
import type { RouteContext, Router } from '../router';
import { DYNO_SIZES, canonicalSize, sizeId } from '../state/catalog';
import { atomically, reconcileDynos } from '../state/mutations';
import type { App, Formation } from '../state/types';
import { dynoSizeViews, formationView } from '../views/dynos';
import { appForChange, appParam, body, json, list, optInt, optString } from './helpers';

interface Update { type: string; quantity?: number; size?: string }

/**
 * The size in an update: `size: "standard-2X"` (what the Heroku CLI sends), or the schema's
 * `dyno_size: {name} | {id}` (a bare string is taken too). Case-insensitive; unknown → 422.
 */
function parseSize(raw: Record<string, unknown>): string | undefined {
  const ds = raw.dyno_size;
  let given: string | undefined;
  if (ds !== undefined && ds !== null) {
    if (typeof ds === 'string') given = ds;
    else if (typeof ds === 'object' && !Array.isArray(ds)) {
      const o = ds as { id?: unknown; name?: unknown };
      if (typeof o.name === 'string') given = o.name;
      else if (typeof o.id === 'string') given = DYNO_SIZES.find((x) => sizeId(x.name) === (o.id as string).toLowerCase())?.name ?? o.id;
    }
    if (given === undefined) throw invalidParams('dyno_size must be {"name": …} or {"id": …}.');
  } else {
    given = optString(raw, 'size');
  }
  if (given === undefined) return undefined;
  const size = canonicalSize(given);
  if (size === undefined) throw invalidParams(`Invalid dyno size: ${given}. Run \`heroku ps:type\` to see the sizes available.`);
  return size;
}

function parseUpdate(raw: Record<string, unknown>, type?: string): Update {
  const t = type ?? optString(raw, 'type');
  if (!t) throw invalidParams('type is required for each formation update.');
  return { type: t, quantity: optInt(raw, 'quantity', 0), size: parseSize(raw) };
}

function checkSize(app: App, size: string): void {
  const privateOnly = size.startsWith('private-');
  if (privateOnly && !app.spaceId) throw invalidParams(`${size} dynos are only available in Private Spaces.`);
  if (!privateOnly && app.spaceId) throw invalidParams(`Apps in a Private Space can only use private dyno sizes.`);
}

function apply(ctx: RouteContext, app: App, u: Update): Formation {
  const f = ctx.state.formationOf(app.id, u.type);
  if (u.size !== undefined) {
    checkSize(app, u.size);
    const sizes = new Set(ctx.state.appsOf(ctx.state.formation, app.id).filter((x) => x.quantity > 0 && x !== f).map((x) => x.size === 'eco' ? 'eco' : 'paid'));
    if (sizes.size > 0 && (u.size === 'eco') !== sizes.has('eco')) throw invalidParams('Eco dynos cannot be mixed with other dyno sizes.');
    f.size = u.size;
  }
  if (u.quantity !== undefined) {
    if ((f.size === 'eco' || f.size === 'basic') && u.quantity > 1) {
      throw invalidParams(`Cannot scale to more than 1 ${f.size === 'eco' ? 'Eco' : 'Basic'} size dyno per process type.`);
    }
    f.quantity = u.quantity;
  }
  f.updatedAt = ctx.state.now();
  reconcileDynos(ctx.state, app.id, f.type);
  return f;
}

function logScale(ctx: RouteContext, app: App): void {
  const summary = ctx.state.appsOf(ctx.state.formation, app.id).map((f) => `${f.type}@${f.quantity}:${f.size}`).join(' ');
  ctx.state.emitLog(app.id, 'app', 'api', `Scaled to ${summary} by user ${ctx.state.account.email}`);
}

/** Formation (process types × quantity × size) and dyno sizes. */
export function formationRoutes(r: Router): void {
  r.get('/apps/:app/formation', (ctx) => {
    const app = appParam(ctx);
    return list(ctx.state.appsOf(ctx.state.formation, app.id).map((f) => formationView(ctx.state, f)), ['id', 'type']);
  });
  r.get('/apps/:app/formation/:type', (ctx) => json(formationView(ctx.state, ctx.state.formationOf(appParam(ctx).id, ctx.params.type))));
  r.patch('/apps/:app/formation', (ctx) => {
    const b = body(ctx);
    if (!Array.isArray(b.updates) || b.updates.length === 0) throw invalidParams('updates must be a non-empty array.');
    const updates = (b.updates as unknown[]).map((u) => {
      if (u === null || typeof u !== 'object' || Array.isArray(u)) throw invalidParams('Each update must be an object.');
      return parseUpdate(u as Record<string, unknown>);
    });
    const app = appForChange(ctx);
    const changed = atomically(ctx.state, app.id, () => updates.map((u) => apply(ctx, app, u)));
    logScale(ctx, app);
    return { kind: 'json', body: changed.map((f) => formationView(ctx.state, f)) };
  });
  r.patch('/apps/:app/formation/:type', (ctx) => {
    const u = parseUpdate(body(ctx), ctx.params.type);
    const app = appForChange(ctx);
    if (u.quantity === undefined && u.size === undefined) throw invalidParams('Specify quantity and/or size.');
    const f = atomically(ctx.state, app.id, () => apply(ctx, app, u));
    logScale(ctx, app);
    return json(formationView(ctx.state, f));
  });
  r.get('/dyno-sizes', () => list(dynoSizeViews()));
  r.get('/dyno-sizes/:size', (ctx) => {
    const name = canonicalSize(ctx.params.size);
    const hit = dynoSizeViews().find((s) => s.name === name || s.id === ctx.params.size);
    if (!hit) throw new HttpError(404, 'not_found', "Couldn't find that dyno size.");
    return json(hit);
  });
  r.get('/apps/:app/available-dyno-sizes', (ctx) => {
    const app = appParam(ctx);
    return list(dynoSizeViews().filter((s) => (s.private_space_only as boolean) === (app.spaceId !== null)));
  });
}
