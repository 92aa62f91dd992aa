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
