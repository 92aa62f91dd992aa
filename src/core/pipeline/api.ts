// The pipeline feature's PipelineApi on top of the one Platform API port (core/heroku/api.ts) of the current
// sign-in: signed out (no API) reads as `no_token`, so the views say "sign in" instead of failing.
import type { ApiProvider, HerokuApi } from '../heroku/api';
import { fail, type HerokuError, type Result } from '../heroku/result';
import type { PipelineApi } from './ports';

const noToken = (path: string): HerokuError => ({ id: 'no_token', message: 'Not signed in to Heroku.', status: 401, method: 'GET', path });

export function pipelineApi(getApi: ApiProvider): PipelineApi {
  const c = <T>(path: string, fn: (api: HerokuApi) => Promise<Result<T>>): Promise<Result<T>> => {
    const api = getApi();
    return api ? fn(api) : Promise.resolve(fail(noToken(path)));
  };
  return {
    pipelines: (o) => c('/pipelines', (h) => h.pipelines(o)),
    pipeline: (id, o) => c('/pipelines', (h) => h.pipeline(id, o)),
    couplings: (id, o) => c('/pipeline-couplings', (h) => h.pipelineCouplings(id, o)),
    appCoupling: (app, o) => c('/pipeline-couplings', (h) => h.appPipelineCoupling(app, o)),
    latestReleases: (id, o) => c('/latest-releases', (h) => h.pipelineLatestReleases(id, o)),
    reviewApps: (id, o) => c('/review-apps', (h) => h.reviewApps(id, o)),
    testRuns: (id, o) => c('/test-runs', (h) => h.testRuns(id, o)),
    testNodes: (id, o) => c('/test-nodes', (h) => h.testNodes(id, o)),
    app: (id, o) => c('/apps', (h) => h.app(id, o)),
    dynos: (id, o) => c('/dynos', (h) => h.dynos(id, o)),
    slug: (app, slug, o) => c('/slugs', (h) => h.slug(app, slug, o)),
    releases: (app, limit, o) => c('/releases', (h) => h.releases(app, limit, { ...o, cache: false })),
    release: (app, id, o) => c('/releases', (h) => h.release(app, id, { ...o, cache: false })),
    createPromotion: (req, o) => c('/pipeline-promotions', (h) => h.createPromotion(req, o)),
    promotionTargets: (id, o) => c('/promotion-targets', (h) => h.promotionTargets(id, { ...o, cache: false })),
    rollback: (app, id, o) => c('/releases', (h) => h.rollback(app, id, o)),
  };
}
