/** Internal records of the fake's in-memory world. API views are built from these (see ../views). */

export type DynoState = 'up' | 'starting' | 'crashed' | 'idle' | 'down';
export type ReleaseStatus = 'succeeded' | 'failed' | 'pending' | 'expired';
export type Stage = 'review' | 'development' | 'staging' | 'production' | 'test';

interface Stamped {
  id: string;
  createdAt: string;
  updatedAt: string;
}

export interface Account extends Stamped {
  email: string;
  name: string;
  twoFactor: boolean;
  /** The code that satisfies `Heroku-Two-Factor-Code` for apps that require two-factor. */
  twoFactorCode: string;
  defaultTeamId: string | null;
}

export interface Team extends Stamped {
  name: string;
  role: 'admin' | 'collaborator' | 'member' | 'owner' | 'viewer';
}

export interface Space extends Stamped {
  name: string;
  teamId: string;
  region: string;
  shield: boolean;
}

export interface App extends Stamped {
  name: string;
  /** `cedar` (classic) or `fir` (next generation: one-off dynos cannot be attached). */
  generation?: 'cedar' | 'fir';
  teamId: string | null;
  spaceId: string | null;
  region: string;
  stack: string;
  maintenance: boolean;
  /** Mutations need `Heroku-Two-Factor-Code` (403 two_factor otherwise). */
  requireTwoFactor: boolean;
  releasedAt: string | null;
  buildpacks: string[];
  locked: boolean;
  repoSize: number | null;
  slugSize: number | null;
  acm: boolean;
}

export interface Formation extends Stamped {
  appId: string;
  type: string;
  quantity: number;
  size: string;
  command: string;
}

export interface Dyno extends Stamped {
  appId: string;
  name: string;
  type: string;
  state: DynoState;
  size: string;
  command: string;
  releaseId: string | null;
  /** Clock time (ms) when a `starting` dyno becomes `up`; absent for dynos that stay as seeded. */
  upAt?: number;
  /** A one-off dyno (`heroku run`): not part of the formation, never restarted, gone once its process exits. */
  oneOff?: boolean;
  /** `rendezvous://…` of a one-off dyno waiting for its client to attach. */
  attachUrl?: string | null;
}

export interface Addon extends Stamped {
  name: string;
  appId: string;
  service: string;
  /** Full plan name, `service:plan`. */
  plan: string;
  state: 'provisioning' | 'provisioned' | 'deprovisioned';
  configVars: string[];
  providerId: string;
}

export interface Attachment extends Stamped {
  addonId: string;
  appId: string;
  name: string;
  namespace: string | null;
}

export interface Domain extends Stamped {
  appId: string;
  hostname: string;
  kind: 'heroku' | 'custom';
  cname: string | null;
  status: string;
}

export interface Release extends Stamped {
  appId: string;
  version: number;
  description: string;
  status: ReleaseStatus;
  /** Config vars as they were in this release (rollback copies them). */
  config: Record<string, string>;
  slugId: string | null;
  addonPlanNames: string[];
  /** Release-phase output served at `output_stream_url`; null when the release had no release phase. */
  output: string[] | null;
  /**
   * Clock times (ms) at which each `output` line appears, for a release phase that runs now: its output URL is 404
   * until the first, then grows; the release stays `pending` until `phaseEndsAt`.
   */
  outputTimes?: number[];
  phaseEndsAt?: number;
  /** The release phase's outcome, applied at `phaseEndsAt`. */
  phaseFails?: boolean;
  /** Set when a build (POST /apps/{app}/builds) made this release, so it is not also derived as a build. */
  buildId?: string;
}

export interface Slug {
  id: string;
  appId: string;
  commit: string | null;
  commitDescription: string | null;
  processTypes: Record<string, string>;
  size: number | null;
  stack: string;
  buildpackDescription: string | null;
  checksum: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A source blob (`POST /apps/{app}/sources`): bytes PUT to and GET from `<fake>/__blobs/<id>?sig=<sig>`. */
export interface Source {
  id: string;
  sig: string;
  data: Buffer | null;
  createdAt: string;
}

/** Text that appears line by line: line i at clock time `times[i]`; `done` once nothing more will come. */
export interface Timeline {
  lines: string[];
  times: number[];
  done: boolean;
}

export interface Build extends Stamped {
  appId: string;
  sourceBlob: { url: string; version: string | null; versionDescription: string | null; checksum: string | null };
  buildpacks: { url: string; name: string }[];
  stack: string;
  status: 'pending' | 'succeeded' | 'failed';
  output: Timeline;
  releaseId: string | null;
  slugId: string | null;
}

export type CiStatus = 'pending' | 'cancelled' | 'creating' | 'building' | 'running' | 'succeeded' | 'failed' | 'errored' | 'debugging';

export interface TestNode {
  id: string;
  index: number;
  status: CiStatus;
  exitCode: number | null;
  errorStatus: string | null;
  message: string | null;
  setup: Timeline;
  output: Timeline;
  createdAt: string;
  updatedAt: string;
}

export interface TestRun extends Stamped {
  pipelineId: string;
  number: number;
  status: CiStatus;
  commitBranch: string;
  commitMessage: string;
  commitSha: string;
  actorEmail: string;
  message: string | null;
  sourceBlobUrl: string;
  debug: boolean;
  clearCache: boolean | null;
  nodes: TestNode[];
}

export interface ReviewApp extends Stamped {
  pipelineId: string;
  appId: string | null;
  branch: string;
  prNumber: number | null;
  status: 'pending' | 'creating' | 'created' | 'deleting' | 'deleted' | 'errored';
  creatorEmail: string;
  forkRepoId: number | null;
  waitForCi: boolean;
  errorStatus: string | null;
  message: string | null;
}

export interface Pipeline extends Stamped {
  name: string;
  teamId: string | null;
}

export interface Coupling extends Stamped {
  pipelineId: string;
  appId: string;
  stage: Stage;
}

export interface PromotionTarget {
  id: string;
  appId: string;
  releaseId: string | null;
  status: 'pending' | 'succeeded' | 'failed';
  errorMessage: string | null;
}

export interface Promotion extends Stamped {
  pipelineId: string;
  sourceAppId: string;
  sourceReleaseId: string;
  status: 'pending' | 'completed';
  targets: PromotionTarget[];
  /** Clock time (ms) when the promotion is carried out (lazily, before the next request). */
  dueAt: number;
}

export interface LogSession extends Stamped {
  token: string;
  appId: string;
  dyno: string | null;
  type: string | null;
  source: string | null;
  lines: number;
  tail: boolean;
}

/** One log line's parts; `dyno` is the process in brackets: `web.1`, `router`, `api`. */
export interface LogEvent {
  seq: number;
  /** Clock time in ms. */
  time: number;
  source: 'app' | 'heroku';
  dyno: string;
  message: string;
}
