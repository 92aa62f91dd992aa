import { invalidParams, notFound } from '../http';
import type { Router } from '../router';
import { stableId } from '../state/ids';
import type { FakeState } from '../state/store';
import type { App } from '../state/types';
import { appForChange, appParam, body, json, list, optBool } from './helpers';

const FEATURES = [
  { name: 'preboot', display: 'Preboot', state: 'general', description: 'Start new dynos before stopping old ones on deploy and restart.', doc: 'https://devcenter.heroku.com/articles/preboot' },
  { name: 'runtime-dyno-metadata', display: 'Runtime Dyno Metadata', state: 'beta', description: 'Expose HEROKU_APP_NAME, HEROKU_RELEASE_VERSION and friends to dynos.', doc: 'https://devcenter.heroku.com/articles/dyno-metadata' },
  { name: 'log-runtime-metrics', display: 'Log Runtime Metrics', state: 'beta', description: 'Emit dyno memory and load metrics to the app log.', doc: 'https://devcenter.heroku.com/articles/log-runtime-metrics' },
  { name: 'http-session-affinity', display: 'Session Affinity', state: 'general', description: 'Route requests from one client to the same dyno.', doc: 'https://devcenter.heroku.com/articles/session-affinity' },
];
const EPOCH = '2015-06-01T00:00:00Z';

function view(state: FakeState, app: App, f: (typeof FEATURES)[number]): Record<string, unknown> {
  return {
    created_at: EPOCH, description: f.description, doc_url: f.doc, enabled: state.features.get(app.id)?.has(f.name) ?? false,
    id: stableId(`feature:${f.name}`), name: f.name, state: f.state, updated_at: app.updatedAt, display_name: f.display,
    feedback_email: 'feedback@heroku.com',
  };
}

function find(key: string): (typeof FEATURES)[number] {
  const f = FEATURES.find((x) => x.name === key || stableId(`feature:${x.name}`) === key);
  if (!f) throw notFound('feature');
  return f;
}

/** App features (`heroku labs`): list, info, enable/disable. */
export function featureRoutes(r: Router): void {
  r.get('/apps/:app/features', (ctx) => {
    const app = appParam(ctx);
    return list(FEATURES.map((f) => view(ctx.state, app, f)));
  });
  r.get('/apps/:app/features/:feature', (ctx) => json(view(ctx.state, appParam(ctx), find(ctx.params.feature))));
  r.patch('/apps/:app/features/:feature', (ctx) => {
    const enabled = optBool(body(ctx), 'enabled');
    if (enabled === undefined) throw invalidParams('enabled is required.');
    const f = find(ctx.params.feature);
    const app = appForChange(ctx);
    let set = ctx.state.features.get(app.id);
    if (!set) {
      set = new Set();
      ctx.state.features.set(app.id, set);
    }
    if (enabled) set.add(f.name);
    else set.delete(f.name);
    return json(view(ctx.state, app, f));
  });
}
