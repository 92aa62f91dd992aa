// The ports the pipeline feature needs, implemented in src/infra (heroku/text-streams.ts, git/log.ts; the API adapter is ./api.ts). Every
// call returns a Result; nothing here throws for API, network or git failures.
import type { Result } from '../heroku/result';
import type {
  App, Dyno, Pipeline, PipelineCoupling, PipelinePromotion, PipelinePromotionTarget, PipelineRelease, PromotionRequest,
  Release, ReviewApp, Slug, TestNode, TestRun,
} from '../heroku/types';

export interface ApiCallOptions {
  signal?: AbortSignal;
}

/** The Platform API reads (and the two changes) of the diagram and the timeline. */
export interface PipelineApi {
  pipelines(o?: ApiCallOptions): Promise<Result<Pipeline[]>>;
  /** By id or name. */
  pipeline(idOrName: string, o?: ApiCallOptions): Promise<Result<Pipeline>>;
  couplings(pipelineId: string, o?: ApiCallOptions): Promise<Result<PipelineCoupling[]>>;
  /** The app's coupling; 404 `not_found` when the app is in no pipeline. */
  appCoupling(app: string, o?: ApiCallOptions): Promise<Result<PipelineCoupling>>;
  latestReleases(pipelineId: string, o?: ApiCallOptions): Promise<Result<PipelineRelease[]>>;
  reviewApps(pipelineId: string, o?: ApiCallOptions): Promise<Result<ReviewApp[]>>;
  testRuns(pipelineId: string, o?: ApiCallOptions): Promise<Result<TestRun[]>>;
  testNodes(testRunId: string, o?: ApiCallOptions): Promise<Result<TestNode[]>>;
  app(idOrName: string, o?: ApiCallOptions): Promise<Result<App>>;
  dynos(appId: string, o?: ApiCallOptions): Promise<Result<Dyno[]>>;
  slug(appId: string, slugId: string, o?: ApiCallOptions): Promise<Result<Slug>>;
  /** Newest first, at most `limit`. */
  releases(app: string, limit: number, o?: ApiCallOptions): Promise<Result<Release[]>>;
  release(app: string, idOrVersion: string, o?: ApiCallOptions): Promise<Result<Release>>;
  createPromotion(req: PromotionRequest, o?: ApiCallOptions): Promise<Result<PipelinePromotion>>;
  promotionTargets(promotionId: string, o?: ApiCallOptions): Promise<Result<PipelinePromotionTarget[]>>;
  rollback(app: string, releaseId: string, o?: ApiCallOptions): Promise<Result<Release>>;
}

/** Release-phase and CI node output: the house's one text-stream port (core/heroku/ports.ts). */
export type { TextStreams } from '../heroku/ports';

/** Time, for polling and retries (tests pass a fake one): the house's one clock port. */
export type { Clock } from '../heroku/ports';

export interface GitCommit {
  sha: string;
  subject: string;
  author: string;
  /** ISO date. */
  date: string;
}

/** Local git history reads (src/infra/git/log.ts runs git without a shell). */
export interface GitHistory {
  /** True when `sha` is a commit in the repository at `folder`. */
  hasCommit(folder: string, sha: string): Promise<boolean>;
  /** `git log from..to` (commits reachable from `to` but not `from`), newest first, at most `max`. */
  log(folder: string, from: string, to: string, max: number): Promise<Result<GitCommit[]>>;
  /** The URL of a remote (origin first), for web links; undefined when there is none. */
  webRemote(folder: string): Promise<string | undefined>;
}
