import { invalidParams } from '../http';
import type { Router } from '../router';
import { configDescription, createRelease } from '../state/mutations';
import { appForChange, appParam, body, json } from './helpers';

const KEY = /^\w+$/;

/** Config vars: read, change (a change makes a release and restarts dynos, as on Heroku), per-release config. */
export function configRoutes(r: Router): void {
  r.get('/apps/:app/config-vars', (ctx) => json({ ...ctx.state.config(appParam(ctx).id) }));
  r.get('/apps/:app/releases/:release/config-vars', (ctx) => {
    const app = appParam(ctx);
    return json({ ...ctx.state.release(app.id, ctx.params.release).config });
  });
  r.patch('/apps/:app/config-vars', (ctx) => {
    const b = body(ctx);
    for (const [k, v] of Object.entries(b)) {
      if (!KEY.test(k)) throw invalidParams(`Invalid config var name: ${k}. Names may contain only letters, digits and underscores.`);
      if (v !== null && typeof v !== 'string') throw invalidParams(`Config var ${k} must be a string or null.`);
    }
    const app = appForChange(ctx);
    const config = ctx.state.config(app.id);
    const set: string[] = [];
    const removed: string[] = [];
    for (const [k, v] of Object.entries(b)) {
      if (v === null) {
        if (k in config) {
          delete config[k];
          removed.push(k);
        }
      } else if (config[k] !== v) {
        config[k] = v as string;
        set.push(k);
      }
    }
    if (set.length > 0 || removed.length > 0) createRelease(ctx.state, app, configDescription(set, removed));
    return json({ ...config });
  });
}
