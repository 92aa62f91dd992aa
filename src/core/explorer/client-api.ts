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
    account: (signal) => call((c) => c.account({ signal })),
    listApps: (signal) => call((c) => c.apps({ signal })),
    getApp: (name, signal) => call((c) => c.app(name, { signal })),
    pipelineCouplings: (signal) => call((c) => c.allPipelineCouplings({ signal })),
    dynos: (app, signal) => call((c) => c.dynos(app, { signal })),
    formation: (app, signal) => call((c) => c.formation(app, { signal })),
    addons: (app, signal) => call((c) => c.addons(app, { signal })),
    attachments: (app, signal) => call((c) => c.attachments(app, { signal })),
    releases: (app, signal) => call((c) => c.releases(app, 20, { signal })),
    configVars: (app, signal) => call((c) => c.configVars(app, { signal })),
    domains: (app, signal) => call((c) => c.domains(app, { signal })),
  };
}
