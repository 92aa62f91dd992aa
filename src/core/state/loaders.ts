// How the store reads each slice: one call of the HerokuApi port per slice (add-ons: two), as a Result.
import type { CallOptions, HerokuApi } from '../heroku/api';
import { fail, ok, type Result } from '../heroku/result';
import type { AccountSlices, AppSlices, PipelineSlices, SliceName } from './types';

/** How many releases the store keeps per app: what the tree shows, enough for the status bar and rollback. */
export const RELEASES_KEPT = 20;

type Raw<K extends SliceName> = K extends 'config' ? Record<string, string> : AppSlices[K];
type Loader<K extends SliceName> = (api: HerokuApi, app: string, o: CallOptions) => Promise<Result<Raw<K>>>;

export const appLoaders: { [K in SliceName]: Loader<K> } = {
  app: (api, app, o) => api.app(app, o),
  formation: (api, app, o) => api.formation(app, o),
  dynos: (api, app, o) => api.dynos(app, o),
  releases: (api, app, o) => api.releases(app, RELEASES_KEPT, o),
  addons: async (api, app, o) => {
    const [addons, attachments] = await Promise.all([api.addons(app, o), api.attachments(app, o)]);
    if (!addons.ok) return addons;
    // Without attachments the add-ons still show, unnamed.
    const value = { addons: addons.value, attachments: attachments.ok ? attachments.value : [] };
    return ok(value, { notModified: addons.notModified && (!attachments.ok || attachments.notModified), skipped: (addons.skipped ?? 0) + (attachments.ok ? attachments.skipped ?? 0 : 0) });
  },
  config: (api, app, o) => api.configVars(app, o),
  domains: (api, app, o) => api.domains(app, o),
  coupling: async (api, app, o) => {
    const r = await api.appPipelineCoupling(app, o);
    if (!r.ok && r.error.status === 404) return ok(null);
    return r.ok ? ok(r.value, { notModified: r.notModified }) : fail(r.error);
  },
};

type AccountLoader<K extends keyof AccountSlices> = (api: HerokuApi, o: CallOptions, email: () => Promise<string | undefined>) => Promise<Result<AccountSlices[K]>>;

export const accountLoaders: { [K in keyof AccountSlices]: AccountLoader<K> } = {
  apps: async (api, o, email) => {
    const [apps, mail] = await Promise.all([api.apps(o), email()]);
    return apps.ok ? ok({ apps: apps.value, email: mail }, { notModified: apps.notModified, skipped: apps.skipped }) : apps;
  },
  couplings: (api, o) => api.allPipelineCouplings(o),
  pipelines: (api, o) => api.pipelines(o),
};

type PipelineLoader<K extends keyof PipelineSlices> = (api: HerokuApi, pipelineId: string, o: CallOptions) => Promise<Result<PipelineSlices[K]>>;

export const pipelineLoaders: { [K in keyof PipelineSlices]: PipelineLoader<K> } = {
  couplings: (api, id, o) => api.pipelineCouplings(id, o),
  latestReleases: (api, id, o) => api.pipelineLatestReleases(id, o),
};
