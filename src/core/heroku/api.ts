// The Heroku Platform API as core sees it: a port. src/infra/heroku/client.ts implements it over HTTP (paging,
// ETags, retries, two-factor); tests use that client against the fake Heroku. Every call returns a Result whose
// value has been decoded (./decode): lists carry `skipped`, the items Heroku sent without the fields they need.
import type { Result } from './result';
import type {
  Account, AddOn, AddOnAttachment, App, ConfigVars, ConfigVarsPatch, Domain, Dyno, DynoSize, Formation,
  FormationUpdate, Pipeline, PipelineCoupling, PipelinePromotion, PipelinePromotionTarget, PipelineRelease, PromotionRequest,
  Release, ReviewApp, Slug, TestNode, TestRun, Source, Build, BuildRequest, DynoCreateRequest, LogSession, LogSessionRequest,
} from './types';

export interface CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  /** false skips the ETag cache (always a full answer). */
  cache?: boolean;
}

/** The promotion calls alone (what src/core/pipeline/promote.ts needs; the diagram's own port has them too). */
export interface PromotionApi {
  createPromotion(p: PromotionRequest, o?: CallOptions): Promise<Result<PipelinePromotion>>;
  /** Each target app's state in a promotion: pending until its release is created (or it failed). */
  promotionTargets(promotionId: string, o?: CallOptions): Promise<Result<PipelinePromotionTarget[]>>;
}

export interface HerokuApi extends PromotionApi {
  /** The last `RateLimit-Remaining` Heroku sent, if any. */
  readonly rateLimitRemaining: number | undefined;

  account(o?: CallOptions): Promise<Result<Account>>;
  apps(o?: CallOptions): Promise<Result<App[]>>;
  /** By name or id. */
  app(app: string, o?: CallOptions): Promise<Result<App>>;
  updateApp(app: string, patch: { maintenance?: boolean; name?: string }, o?: CallOptions): Promise<Result<App>>;

  formation(app: string, o?: CallOptions): Promise<Result<Formation[]>>;
  updateFormationType(app: string, type: string, update: Omit<FormationUpdate, 'type'>, o?: CallOptions): Promise<Result<Formation>>;
  availableDynoSizes(app: string, o?: CallOptions): Promise<Result<DynoSize[]>>;
  dynos(app: string, o?: CallOptions): Promise<Result<Dyno[]>>;
  /** One dyno by name or id. */
  dyno(app: string, dyno: string, o?: CallOptions): Promise<Result<Dyno>>;
  restartAll(app: string, o?: CallOptions): Promise<Result<void>>;
  restartType(app: string, type: string, o?: CallOptions): Promise<Result<void>>;
  restartDyno(app: string, dyno: string, o?: CallOptions): Promise<Result<void>>;

  addons(app: string, o?: CallOptions): Promise<Result<AddOn[]>>;
  attachments(app: string, o?: CallOptions): Promise<Result<AddOnAttachment[]>>;
  /** The latest `limit` releases, newest first. */
  releases(app: string, limit?: number, o?: CallOptions): Promise<Result<Release[]>>;
  /** One release by id or version number. */
  release(app: string, idOrVersion: string, o?: CallOptions): Promise<Result<Release>>;
  /** Rolls back by creating a new release from `releaseId`. */
  rollback(app: string, releaseId: string, o?: CallOptions): Promise<Result<Release>>;
  configVars(app: string, o?: CallOptions): Promise<Result<ConfigVars>>;
  /** Sets values; `null` removes a var. Returns the full new set. */
  updateConfigVars(app: string, patch: ConfigVarsPatch, o?: CallOptions): Promise<Result<ConfigVars>>;
  domains(app: string, o?: CallOptions): Promise<Result<Domain[]>>;

  /** Every coupling the account can see, across pipelines (which app is in which stage). */
  allPipelineCouplings(o?: CallOptions): Promise<Result<PipelineCoupling[]>>;
  pipelineCouplings(pipelineId: string, o?: CallOptions): Promise<Result<PipelineCoupling[]>>;
  /** The app's coupling; a 404 `not_found` means the app is in no pipeline. */
  appPipelineCoupling(app: string, o?: CallOptions): Promise<Result<PipelineCoupling>>;
  pipelines(o?: CallOptions): Promise<Result<Pipeline[]>>;
  /** By id or name. */
  pipeline(idOrName: string, o?: CallOptions): Promise<Result<Pipeline>>;
  /** The current release of each app of a pipeline (3.sdk). */
  pipelineLatestReleases(pipelineId: string, o?: CallOptions): Promise<Result<PipelineRelease[]>>;
  reviewApps(pipelineId: string, o?: CallOptions): Promise<Result<ReviewApp[]>>;
  testRuns(pipelineId: string, o?: CallOptions): Promise<Result<TestRun[]>>;
  testNodes(testRunId: string, o?: CallOptions): Promise<Result<TestNode[]>>;
  slug(app: string, slugId: string, o?: CallOptions): Promise<Result<Slug>>;

  /** A place to upload a source tarball (pre-signed PUT and GET URLs). */
  createSource(app: string, o?: CallOptions): Promise<Result<Source>>;
  createBuild(app: string, req: BuildRequest, o?: CallOptions): Promise<Result<Build>>;
  build(app: string, buildId: string, o?: CallOptions): Promise<Result<Build>>;
  cancelBuild(app: string, buildId: string, o?: CallOptions): Promise<Result<void>>;
  /** A one-off dyno (attach: true for a terminal through the rendezvous). */
  createDyno(app: string, req: DynoCreateRequest, o?: CallOptions): Promise<Result<Dyno>>;
  stopDyno(app: string, dyno: string, o?: CallOptions): Promise<Result<void>>;
  /** A logplex session: a URL to stream the app's log from (src/infra/logstream reads it). */
  createLogSession(app: string, req: LogSessionRequest, o?: CallOptions): Promise<Result<LogSession>>;
}

/** The API for the current sign-in, or undefined when signed out (a session hands this to core). */
export type ApiProvider = () => HerokuApi | undefined;
