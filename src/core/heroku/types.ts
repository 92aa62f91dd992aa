// Platform API resource shapes used by the extension, taken from Heroku's hyper-schema (3.sdk variant,
// ../shared/reference/heroku-platform-api.schema.json). Only the fields we read are listed; the API may send more.
// Optional (`?`) marks fields that one of the two schema variants lacks or that older answers omit.

export interface Ref {
  id: string;
  name: string;
}

export interface Account {
  id: string;
  email: string;
  name: string | null;
  created_at: string;
  updated_at: string;
  two_factor_authentication: boolean;
  verified: boolean;
  federated?: boolean;
  last_login?: string | null;
  default_team?: Ref | null;
}

export interface App {
  id: string;
  name: string;
  created_at: string;
  updated_at: string;
  released_at: string | null;
  maintenance: boolean;
  web_url: string | null;
  git_url: string;
  owner: { id: string; email: string };
  region: Ref;
  stack: Ref;
  build_stack?: Ref;
  /** A Private Space app; null otherwise. */
  space: { id: string; name: string; shield: boolean } | null;
  team: Ref | null;
  organization?: Ref | null;
  generation?: { id: string; name: string } | string;
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
  created_at: string;
  updated_at: string;
  default?: boolean;
  role: 'admin' | 'collaborator' | 'member' | 'owner' | null;
  type: 'enterprise' | 'team';
}

export interface Formation {
  id: string;
  app: { id: string; name: string };
  command: string;
  created_at: string;
  updated_at: string;
  quantity: number;
  /** Deprecated in the schema in favour of dyno_size.name; still sent. */
  size: string;
  dyno_size?: { id: string; name: string };
  type: string;
}

export interface FormationUpdate {
  type: string;
  quantity?: number;
  /** Dyno size name (`standard-1x`); sent as `size`, like the Heroku CLI. */
  size?: string;
}

/** The schema documents crashed, down, idle, starting, up; kept open because Fir adds more. */
export type DynoState = 'crashed' | 'down' | 'idle' | 'starting' | 'up' | (string & {});

export interface Dyno {
  id: string;
  name: string;
  type: string;
  state: DynoState;
  command: string;
  size: string;
  created_at: string;
  updated_at: string;
  attach_url?: string | null;
  app: { id: string; name: string };
  release: { id: string; version: number };
}

export interface AddOn {
  id: string;
  name: string;
  addon_service: { id: string; name: string; human_name?: string };
  plan: { id: string; name: string };
  app: { id: string; name: string };
  state: 'provisioning' | 'provisioned' | 'deprovisioned';
  config_vars: string[];
  created_at: string;
  updated_at: string;
  web_url: string | null;
  provider_id?: string;
  billed_price?: { cents: number; contract: boolean; unit: string } | null;
}

export interface AddOnAttachment {
  id: string;
  name: string;
  namespace: string | null;
  addon: { id: string; name: string; app: { id: string; name: string } };
  app: { id: string; name: string };
  created_at: string;
  updated_at: string;
  web_url: string | null;
  log_input_url?: string | null;
}

export type ReleaseStatus = 'expired' | 'failed' | 'pending' | 'succeeded';

export interface Release {
  id: string;
  version: number;
  description: string;
  status: ReleaseStatus;
  current: boolean;
  created_at: string;
  updated_at: string;
  app: { id: string; name: string };
  user: { id: string; email: string };
  slug: { id: string } | null;
  oci_image?: { id: string } | null;
  addon_plan_names: string[];
  output_stream_url: string | null;
  eligible_for_rollback?: boolean;
}

/** `GET /apps/{app}/config-vars`: name → value. A PATCH sets `null` to remove a var. */
export type ConfigVars = Record<string, string>;
export type ConfigVarsPatch = Record<string, string | null>;

export interface Domain {
  id: string;
  hostname: string;
  kind: 'heroku' | 'custom';
  cname: string | null;
  status: string;
  created_at: string;
  updated_at: string;
  app: { id: string; name: string };
  acm_status: string | null;
  acm_status_reason?: string | null;
  sni_endpoint?: { id: string; name: string } | null;
}

export interface Pipeline {
  id: string;
  name: string;
  created_at: string;
  updated_at: string;
  owner?: { id: string; type: 'team' | 'user' } | null;
  generation?: { id: string; name: string };
}

export type PipelineStage = 'test' | 'review' | 'development' | 'staging' | 'production';

export interface PipelineCoupling {
  id: string;
  app: { id: string };
  pipeline: { id: string };
  stage: PipelineStage;
  created_at: string;
  updated_at: string;
}

export interface PipelinePromotion {
  id: string;
  pipeline: { id: string };
  source: { app: { id: string }; release: { id: string } };
  status: 'pending' | 'completed';
  created_at: string;
  updated_at: string | null;
}

export interface PipelinePromotionTarget {
  id: string;
  app: { id: string };
  pipeline_promotion: { id: string };
  /** The release created in the target app; null until then. */
  release: { id: string } | null;
  status: 'pending' | 'succeeded' | 'failed' | (string & {});
  error_message: string | null;
}

export interface PromotionRequest {
  pipelineId: string;
  sourceAppId: string;
  targetAppIds: string[];
  /** Defaults to the source app's current release. */
  sourceReleaseId?: string;
}

export interface LogSession {
  id: string;
  logplex_url: string;
  created_at: string;
  updated_at: string;
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

export type BuildStatus = 'failed' | 'pending' | 'succeeded';

export interface Build {
  id: string;
  app: { id: string };
  status: BuildStatus;
  created_at: string;
  updated_at: string;
  /** Plain text, chunked; ends when the build does. */
  output_stream_url: string;
  source_blob: { url: string; version: string | null; version_description?: string | null; checksum?: string | null };
  buildpacks?: { url: string; name?: string }[] | null;
  /** The release the build created (null until then, or when it failed). */
  release: { id: string } | null;
  slug: { id: string } | null;
  stack: string;
  user: { id: string; email: string };
}

/** Body of `POST /apps/{app}/builds`. */
export interface BuildRequest {
  source_blob: { url: string; version?: string; version_description?: string; checksum?: string };
  buildpacks?: { url: string }[];
}

export interface Slug {
  id: string;
  /** The git commit the slug was built from (a build's source_blob.version), when known. */
  commit: string | null;
  commit_description: string | null;
  buildpack_provided_description: string | null;
  process_types: Record<string, string>;
  size: number | null;
  stack: { id: string; name: string };
  created_at: string;
  updated_at: string;
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

export type ReviewAppStatus = 'pending' | 'creating' | 'created' | 'deleting' | 'deleted' | 'errored';

export interface ReviewApp {
  id: string;
  /** The review app's own Heroku app (null while it is being created). */
  app: { id: string } | null;
  pipeline: { id: string };
  branch: string;
  pr_number: number | null;
  status: ReviewAppStatus;
  created_at: string;
  updated_at: string;
  creator?: { id?: string; email?: string } | null;
  error_status?: string | null;
  message?: string | null;
  wait_for_ci?: boolean;
  fork_repo?: { id: number | null } | null;
}

export type TestRunStatus = 'pending' | 'cancelled' | 'creating' | 'building' | 'running' | 'succeeded' | 'failed' | 'errored' | 'debugging';

/** A Heroku CI run (`GET /pipelines/{id}/test-runs`). */
export interface TestRun {
  id: string;
  number: number;
  pipeline: { id: string };
  status: TestRunStatus;
  commit_branch: string;
  commit_message: string;
  commit_sha: string;
  actor_email: string;
  created_at: string;
  updated_at: string;
  message?: string | null;
  warning_message?: string | null;
  debug?: boolean;
}

/** One dyno of a CI run (`GET /test-runs/{id}/test-nodes`): its setup and test output as text streams. */
export interface TestNode {
  id: string;
  index: number;
  status: TestRunStatus;
  exit_code: number | null;
  test_run: { id: string };
  output_stream_url: string;
  setup_stream_url: string;
  error_status?: string | null;
  message?: string | null;
  created_at: string;
  updated_at: string;
}

/** `GET /pipelines/{id}/latest-releases` (and latest-deployments): the newest release of each coupled app. */
export interface PipelineRelease extends Omit<Release, 'app' | 'slug' | 'user'> {
  app: { id: string; name?: string };
  slug: { id: string } | null;
  user: { id: string; email: string };
}
