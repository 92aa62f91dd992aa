// Adapts the Platform API client to the explorer's small port. Signed out (no client) reads as a 401 so the
// tree offers sign-in. Type-only import: no I/O here.
import type { HerokuClient } from '../../infra/heroku/client';
import type { ExplorerApi, Res } from './model';

const NOT_SIGNED_IN: Res = { ok: false, error: { id: 'no_token', message: 'Not signed in to Heroku.', status: 401 } };

export function explorerApiFromClient(getClient: () => HerokuClient | undefined): ExplorerApi {
  const call = async (fn: (c: HerokuClient) => Promise<Res>): Promise<Res> => {
    const client = getClient();
    return client ? fn(client) : NOT_SIGNED_IN;
  };
  return {
    account: () => call((c) => c.account()),
    listApps: () => call((c) => c.apps()),
    getApp: (name) => call((c) => c.app(name)),
    dynos: (app) => call((c) => c.dynos(app)),
    formation: (app) => call((c) => c.formation(app)),
    addons: (app) => call((c) => c.addons(app)),
    attachments: (app) => call((c) => c.attachments(app)),
    releases: (app) => call((c) => c.releases(app, 20)),
    configVars: (app) => call((c) => c.configVars(app)),
    domains: (app) => call((c) => c.domains(app)),
  };
}
