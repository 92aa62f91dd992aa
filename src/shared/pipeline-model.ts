// The pipeline diagram and release timeline as plain data: built in src/core/pipeline, drawn by
// webview/pipeline and printed by the CLI. Imports nothing (the webview bundle includes it). Every string that
// came from the API (names, descriptions, branches, commit messages) is data: draw it as text, never as HTML.

export type StageId = 'test' | 'review' | 'development' | 'staging' | 'production';

/** Left to right, as the Dashboard draws them. */
export const STAGE_ORDER: readonly StageId[] = ['test', 'review', 'development', 'staging', 'production'];

/** What a part of the model could not be read, with a key the host retries on. */
export interface PartFailure {
  /** e.g. "review apps", "releases of acme-web-staging". */
  what: string;
  /** Heroku's message (or the client's), plain text. */
  message: string;
  /** Sent back in a `retry` request. */
  retryKey: string;
}

/** What kind of change a release was, read from its description (Heroku writes them in a fixed form). */
export type ReleaseKind = 'deploy' | 'config' | 'addon' | 'rollback' | 'promotion' | 'initial' | 'other';

export type ReleaseStatusName = 'pending' | 'succeeded' | 'failed' | 'expired' | (string & {});

export interface ReleaseSummary {
  id: string;
  version: number;
  description: string;
  kind: ReleaseKind;
  /** The commit a "Deploy <sha>" description names, or the version a rollback/promotion names. */
  ref?: string;
  user: string;
  createdAt: string;
  status: ReleaseStatusName;
  current: boolean;
}

export interface CommitRef {
  sha: string;
  /** First 7 characters. */
  short: string;
  /** The slug's commit description (the commit message Heroku recorded), when known. */
  message?: string;
}

export interface DynoHealth {
  up: number;
  starting: number;
  crashed: number;
  idle: number;
  other: number;
  /** "ok" all up, "warn" something starting or idle, "bad" something crashed, "none" no dynos. */
  level: 'ok' | 'warn' | 'bad' | 'none';
}

export interface ReviewInfo {
  branch: string;
  prNumber: number | null;
  status: string;
  message?: string;
}

export interface PromoteTarget {
  appId: string;
  name: string;
  stage: StageId;
}

export interface AppCard {
  appId: string;
  name: string;
  stage: StageId;
  release?: ReleaseSummary;
  /** The latest releases could not be read: the card does not know its release (not "no release yet"). */
  releaseUnknown?: boolean;
  commit?: CommitRef;
  dynos?: DynoHealth;
  region?: string;
  space?: string;
  generation?: string;
  review?: ReviewInfo;
  /** Set when the app has a next stage with apps in it. */
  promote?: { stage: StageId; targets: PromoteTarget[] };
  /** Parts of this card that could not be read (shown on the card with a retry). */
  failures: PartFailure[];
}

export type CiStatusClass = 'ok' | 'fail' | 'running' | 'other';

export interface CiRunCard {
  id: string;
  number: number;
  status: string;
  statusClass: CiStatusClass;
  branch: string;
  sha: string;
  short: string;
  message: string;
  actor: string;
  createdAt: string;
  /** updated_at - created_at for a finished run. */
  durationMs?: number;
}

export interface StageColumn {
  stage: StageId;
  title: string;
  cards: AppCard[];
  /** The test column: the latest Heroku CI runs, newest first. */
  runs?: CiRunCard[];
  failures: PartFailure[];
}

export interface PipelineDiagram {
  pipeline: { id: string; name: string; generation?: string };
  columns: StageColumn[];
  /** Failures that concern the whole pipeline (it could not be read at all, etc.). */
  failures: PartFailure[];
  /** True while details (commits, dynos) are still arriving. */
  partial: boolean;
}

export interface TimelineEntry {
  id: string;
  version: number;
  status: ReleaseStatusName;
  description: string;
  kind: ReleaseKind;
  ref?: string;
  user: string;
  createdAt: string;
  current: boolean;
  /** A release the app can be rolled back to (succeeded, not current, and Heroku did not say otherwise). */
  rollback: boolean;
  /** It has release-phase output (output_stream_url). */
  hasOutput: boolean;
}

export interface ReleaseTimeline {
  app: string;
  entries: TimelineEntry[];
  failures: PartFailure[];
}

export interface DiffCommit {
  sha: string;
  short: string;
  subject: string;
  author: string;
  date: string;
  url?: string;
}

/** The commits a promotion would bring to the target, from the local git history. */
export type StageDiff =
  | { kind: 'commits'; from: string; to: string; commits: DiffCommit[]; truncated: boolean; compareUrl?: string }
  | { kind: 'same'; sha: string }
  | { kind: 'unknown'; message: string }
  | { kind: 'missing'; shas: string[]; message: string }
  | { kind: 'no-repo'; message: string };
