// Platform API resources as the extension holds them: what the client's decoders (./decode) guarantee, no more.
// Field names and meanings are Heroku's (hyper-schema, 3.sdk variant, ../shared/reference). A field without `?`
// is checked at the boundary: an answer without it is malformed (a list skips that item and counts it). A field
// with `?` is there only when Heroku sent it in the documented shape; anything else is left out, so a changed or
// missing detail never costs the whole app, release or coupling. Fields the API sends but nobody reads are not
// listed (the decoders drop them): add one here and in ./decode/resources.ts together (the type checker holds
// each decoder to its interface).

/** A named resource inside another (region, stack, team): the name is what the extension reads. */
export interface Ref {
  id?: string;
  name: string;
}

/** A resource inside another known by its id (the app of a coupling, the release of a dyno). */
export interface IdRef {
  id: string;
}

export interface Account {
  id: string;
  email: string;
  name?: string | null;
  created_at?: string;
  updated_at?: string;
  two_factor_authentication?: boolean;
  verified?: boolean;
  federated?: boolean;
  last_login?: string | null;
  default_team?: Ref | null;
}

export interface App {
  id: string;
  name: string;
  created_at?: string;
  updated_at?: string;
  released_at?: string | null;
  maintenance?: boolean;
  web_url?: string | null;
  git_url?: string;
  owner?: { id?: string; email: string };
  region?: Ref;
  stack?: Ref;
  build_stack?: Ref;
  /** A Private Space app; null otherwise. */
  space?: { id?: string; name: string; shield?: boolean } | null;
  team?: Ref | null;
  organization?: Ref | null;
  /** 3.sdk sends a string ("cedar"), version=3 an object. */
  generation?: Ref | string;
  internal_routing?: boolean | null;
  repo_size?: number | null;
  slug_size?: number | null;
  archived_at?: string | null;
  buildpack_provided_description?: string | null;
}

/** `GET /teams/{team}/apps` adds these to the app fields. */
export interface TeamApp extends App {
  joined?: boolean;
  locked?: boolean;
}

export interface Team {
  id: string;
  name: string;
  created_at?: string;
  updated_at?: string;
  default?: boolean;
  role?: 'admin' | 'collaborator' | 'member' | 'owner' | null;
  type?: 'enterprise' | 'team';
}

export interface Formation {
  /** The process type (`web`, `worker`). */
  type: string;
  quantity: number;
  id?: string;
  app?: { id: string; name?: string };
  command?: string;
  created_at?: string;
  updated_at?: string;
  /** Deprecated in the schema in favour of dyno_size.name; still sent. Read both with formationSize(). */
  size?: string;
  dyno_size?: Ref;
}

export interface FormationUpdate {
  type: string;
  quantity?: number;
  /** Dyno size name (`standard-1x`); sent as `size`, like the Heroku CLI. */
  size?: string;
}

/** `GET /apps/{app}/available-dyno-sizes`, `GET /dyno-sizes`. */
export interface DynoSize {
  name: string;
  id?: string;
}

/** The schema documents crashed, down, idle, starting, up; kept open because Fir adds more. */
export type DynoState = 'crashed' | 'down' | 'idle' | 'starting' | 'up' | (string & {});

export interface Dyno {
  name: string;
  type: string;
  state: DynoState;
  id?: string;
  command?: string;
  size?: string;
  created_at?: string;
  updated_at?: string;
  attach_url?: string | null;
  app?: { id: string; name?: string };
  release?: { id?: string; version: number };
}

export interface AddOn {
  name: string;
  plan: Ref;
  id?: string;
  addon_service?: { id?: string; name: string; human_name?: string };
  /** The app the add-on is billed to. */
  app?: Ref;
  state?: 'provisioning' | 'provisioned' | 'deprovisioned' | (string & {});
  config_vars?: string[];
  created_at?: string;
  updated_at?: string;
  web_url?: string | null;
  provider_id?: string;
  billed_price?: { cents: number; contract?: boolean; unit?: string } | null;
}

export interface AddOnAttachment {
  /** The attachment name (DATABASE, REDIS). */
  name: string;
  addon: { id?: string; name: string; app?: Ref };
  app: Ref;
  id?: string;
  namespace?: string | null;
  created_at?: string;
  updated_at?: string;
  web_url?: string | null;
  log_input_url?: string | null;
}

/** The schema lists expired, failed, pending, succeeded; kept open so a new status never hides a release. */
export type ReleaseStatus = 'expired' | 'failed' | 'pending' | 'succeeded' | (string & {});

export interface Release {
  id: string;
  version: number;
  status: ReleaseStatus;
  description?: string;
  current?: boolean;
  created_at?: string;
  updated_at?: string;
  app?: { id: string; name?: string };
  user?: { id?: string; email: string };
  slug?: IdRef | null;
  oci_image?: IdRef | null;
  addon_plan_names?: string[];
  output_stream_url?: string | null;
  eligible_for_rollback?: boolean;
}

/** `GET /apps/{app}/config-vars`: name → value (values that are not text are skipped and counted). */
export type ConfigVars = Record<string, string>;
/** A PATCH sets `null` to remove a var. */
export type ConfigVarsPatch = Record<string, string | null>;

export interface Domain {
  hostname: string;
  id?: string;
  kind?: 'heroku' | 'custom' | (string & {});
  cname?: string | null;
  status?: string;
  created_at?: string;
  updated_at?: string;
  app?: Ref;
  acm_status?: string | null;
  acm_status_reason?: string | null;
  sni_endpoint?: Ref | null;
}

export interface Pipeline {
  id: string;
  name: string;
  created_at?: string;
  updated_at?: string;
  owner?: { id: string; type: 'team' | 'user' | (string & {}) } | null;
  generation?: Ref;
}

export type PipelineStage = 'test' | 'review' | 'development' | 'staging' | 'production';

/** Which app is in which stage of which pipeline. A coupling in a stage this list does not know is skipped. */
export interface PipelineCoupling {
  id: string;
  app: IdRef;
  pipeline: IdRef;
  stage: PipelineStage;
  created_at?: string;
  updated_at?: string;
}

export interface PipelinePromotion {
  id: string;
  status: 'pending' | 'completed' | (string & {});
  pipeline?: IdRef;
  source?: { app: IdRef; release?: IdRef };
  created_at?: string;
  updated_at?: string | null;
}

export interface PipelinePromotionTarget {
  app: IdRef;
  status: 'pending' | 'succeeded' | 'failed' | (string & {});
  id?: string;
  pipeline_promotion?: IdRef;
  /** The release created in the target app; null until then. */
  release?: IdRef | null;
  /** Heroku's words when the target failed. */
  error_message?: string | null;
}

export interface PromotionRequest {
  pipelineId: string;
  sourceAppId: string;
  targetAppIds: string[];
  /** Defaults to the source app's current release. */
  sourceReleaseId?: string;
}

export interface LogSession {
  logplex_url: string;
  id?: string;
  created_at?: string;
  updated_at?: string;
}

/** Body of `POST /apps/{app}/log-sessions` as the Heroku CLI sends it (3.sdk field names). */
export interface LogSessionRequest {
  dyno?: string;
  /** Fir only: process type. */
  type?: string;
  source?: string;
  /** Cedar only. */
  lines?: number;
  /** Cedar only. */
  tail?: boolean;
}

// ---- the next wave's resources (deploy, one-off dynos, pipelines diagram, Heroku CI), from the same schema

/** `POST /apps/{app}/sources`: where to upload a source tarball (put_url) and what a build reads (get_url). */
export interface Source {
  source_blob: { get_url: string; put_url: string };
}

export type BuildStatus = 'failed' | 'pending' | 'succeeded' | (string & {});

export interface Build {
  id: string;
  status: BuildStatus;
  /** Plain text, chunked; ends when the build does. */
  output_stream_url?: string;
  app?: IdRef;
  created_at?: string;
  updated_at?: string;
  source_blob?: { url?: string; version?: string | null; version_description?: string | null; checksum?: string | null };
  buildpacks?: { url: string; name?: string }[] | null;
  /** The release the build created (null until then, or when it failed). */
  release?: IdRef | null;
  slug?: IdRef | null;
  stack?: string;
  user?: { id?: string; email: string };
}

/** Body of `POST /apps/{app}/builds`. */
export interface BuildRequest {
  source_blob: { url: string; version?: string; version_description?: string; checksum?: string };
  buildpacks?: { url: string }[];
}

export interface Slug {
  id: string;
  /** The git commit the slug was built from (a build's source_blob.version), when known. */
  commit?: string | null;
  commit_description?: string | null;
  buildpack_provided_description?: string | null;
  process_types?: Record<string, string>;
  size?: number | null;
  stack?: Ref;
  created_at?: string;
  updated_at?: string;
}

/** Body of `POST /apps/{app}/dynos` (a one-off dyno). */
export interface DynoCreateRequest {
  command: string;
  /** true: attach_url (rendezvous://host:port/secret) is the dyno's terminal; false: output goes to the logs. */
  attach?: boolean;
  size?: string;
  type?: string;
  env?: Record<string, string>;
  time_to_live?: number;
  force_no_tty?: boolean | null;
}

export type ReviewAppStatus = 'pending' | 'creating' | 'created' | 'deleting' | 'deleted' | 'errored' | (string & {});

export interface ReviewApp {
  id: string;
  status: ReviewAppStatus;
  /** The review app's own Heroku app (null while it is being created). */
  app?: IdRef | null;
  pipeline?: IdRef;
  branch?: string;
  pr_number?: number | null;
  created_at?: string;
  updated_at?: string;
  creator?: { id?: string; email?: string } | null;
  error_status?: string | null;
  message?: string | null;
  wait_for_ci?: boolean;
  fork_repo?: { id: number | null } | null;
}

export type TestRunStatus = 'pending' | 'cancelled' | 'creating' | 'building' | 'running' | 'succeeded' | 'failed' | 'errored' | 'debugging' | (string & {});

/** A Heroku CI run (`GET /pipelines/{id}/test-runs`). */
export interface TestRun {
  id: string;
  number: number;
  status: TestRunStatus;
  pipeline?: IdRef;
  commit_branch?: string;
  commit_message?: string;
  commit_sha?: string;
  actor_email?: string;
  created_at?: string;
  updated_at?: string;
  message?: string | null;
  warning_message?: string | null;
  debug?: boolean;
}

/** One dyno of a CI run (`GET /test-runs/{id}/test-nodes`): its setup and test output as text streams. */
export interface TestNode {
  id: string;
  status: TestRunStatus;
  index?: number;
  exit_code?: number | null;
  test_run?: IdRef;
  output_stream_url?: string;
  setup_stream_url?: string;
  error_status?: string | null;
  message?: string | null;
  created_at?: string;
  updated_at?: string;
}

/** `GET /pipelines/{id}/latest-releases` (and latest-deployments): the newest release of each coupled app. */
export interface PipelineRelease extends Omit<Release, 'app'> {
  app: { id: string; name?: string };
}
