// What the deploy and one-off dyno use-cases need from the outside, declared here and implemented in infra
// (./api.ts on the Platform API port, src/infra/pack, src/infra/deploy, src/infra/git, src/infra/rendezvous).
import type { Clock, StreamChunk, TextStreams } from '../heroku/ports';

/** The one clock (core/heroku/ports.ts): a sleep cut short by its signal rejects; the deploy's waits catch that. */
export type { Clock, StreamChunk, TextStreams };
import type { Result } from '../heroku/result';
import type { Problem, RuleOverrides } from '../lint/types';
import type { App, Build, BuildRequest, Dyno, DynoCreateRequest, Release, Slug, Source } from '../heroku/types';
import type { TreeReader } from './pack-plan';
import type { GitState } from './version';

export interface DeployApi {
  app(app: string, signal?: AbortSignal): Promise<Result<App>>;
  createSource(app: string, signal?: AbortSignal): Promise<Result<Source>>;
  createBuild(app: string, req: BuildRequest, signal?: AbortSignal): Promise<Result<Build>>;
  build(app: string, id: string, signal?: AbortSignal): Promise<Result<Build>>;
  cancelBuild(app: string, id: string, signal?: AbortSignal): Promise<Result<void>>;
  release(app: string, id: string, signal?: AbortSignal): Promise<Result<Release>>;
  slug(app: string, id: string, signal?: AbortSignal): Promise<Result<Slug>>;
}

export interface OneOffApi {
  app(app: string, signal?: AbortSignal): Promise<Result<App>>;
  createDyno(app: string, req: DynoCreateRequest, signal?: AbortSignal): Promise<Result<Dyno>>;
  /** A dyno's state (a Fir one-off is polled until it is up before the SSH tunnel opens). */
  dyno(app: string, dyno: string, signal?: AbortSignal): Promise<Result<Dyno>>;
  stopDyno(app: string, dyno: string, signal?: AbortSignal): Promise<Result<void>>;
}

export interface GitPort {
  /** The packed folder's commit and whether it differs from it (changes, staged or untracked files under it). */
  state(folder: string): Promise<GitState>;
  /** .gitignore files of the repository above `folder`, outermost first (empty when it is the root or no repo). */
  outerIgnores(folder: string): Promise<{ text: string; pathFromThere: string }[]>;
}

/** A packed source: a gzipped tarball somewhere the uploader can read it again. */
export interface PackedSource {
  bytes: number;
  /** `SHA256:<hex>`, as source_blob.checksum takes it. */
  checksum: string;
  /** Removes the temporary file. */
  dispose(): Promise<void>;
}

export interface SourcePacker {
  pack(folder: string, entries: readonly string[], signal?: AbortSignal): Promise<{ ok: true; value: PackedSource } | { ok: false; message: string }>;
}

export interface SourceUploader {
  /** PUTs the tarball to the pre-signed URL (no Heroku token is sent there); progress in bytes. */
  upload(putUrl: string, source: PackedSource, onProgress: (sent: number, total: number) => void, signal?: AbortSignal):
    Promise<{ ok: true } | { ok: false; cancelled: boolean; message: string }>;
}

export interface DeployPorts {
  api: DeployApi;
  tree(folder: string): TreeReader;
  git: GitPort;
  packer: SourcePacker;
  uploader: SourceUploader;
  streams: TextStreams;
  clock: Clock;
}

// ---- the one-off dyno's terminal connection (src/infra/rendezvous/client.ts)

export type SessionEnd =
  | { kind: 'exited'; status: number }
  /**
   * The connection ended normally but no exit status came: the command ended its shell (`exit`), or a Ctrl-C
   * (`interrupted`) stopped the shell before it could print the status.
   */
  | { kind: 'closed'; interrupted?: boolean }
  /** The connection closed before the session started: the secret was refused, or the dyno is gone. */
  | { kind: 'refused'; message: string }
  | { kind: 'dropped'; message: string }
  | { kind: 'tls'; message: string }
  | { kind: 'cancelled' };

export interface SessionHandlers {
  /** The server accepted the secret and the dyno's terminal is attached. */
  onReady?(): void;
  /** Terminal output (colours and all), without the exit-status line. */
  onData(text: string): void;
  onEnd(end: SessionEnd): void;
}

export interface RendezvousSession {
  /** Keystrokes (Ctrl-C is "\x03": the dyno's terminal turns it into SIGINT); kept until the dyno attached. */
  write(data: string): void;
  /** Closes the connection (the dyno's command gets a hangup). */
  close(): void;
  readonly ready: boolean;
}

export interface TunnelOptions {
  /** The dyno's https attach URL. */
  attachUrl: string;
  verifyCertificate: boolean;
  signal?: AbortSignal;
}

export interface SshConnectOptions extends TunnelOptions {
  /** For the messages (which app's keys). */
  app: string;
  /** The ssh binary (default: `ssh` on PATH). */
  sshPath?: string;
  term?: string;
}

export interface ConnectOptions {
  attachUrl: string;
  /** See tls-policy.ts. */
  verifyCertificate: boolean;
  signal?: AbortSignal;
  /** Idle time after which the connection is closed (the CLI's is one hour). */
  idleMs?: number;
}

// ---- the lint before a deploy (src/infra/deploy/preflight.ts)

export interface PreflightFile {
  name: string;
  problems: Problem[];
}

export interface Preflight {
  files: PreflightFile[];
  errors: number;
  warnings: number;
  /** Whether the folder has a Procfile at its root (for the failure explanations). */
  hasProcfile: boolean;
}

/**
 * The deploy feature's I/O, built by the composition root from its own bundle (dist/deploy-io.js) on the first
 * deploy or run, and handed to the feature's commands.
 */
export interface DeployIo {
  /** Pack, upload, build and release (core/deploy/deploy.ts). */
  ports: DeployPorts;
  /** One-off dynos. */
  oneOff: OneOffApi;
  /** The root Procfile, app.json and heroku.yml of `folder`, linted from disk. */
  preflight(folder: string, overrides?: RuleOverrides): Preflight;
  /** Attaches to a one-off dyno's terminal. */
  connect(o: ConnectOptions, h: SessionHandlers): RendezvousSession;
  /** Joins a Fir one-off dyno's terminal: its SSH tunnel and the machine's own ssh (src/infra/rendezvous/ssh-session.ts). */
  connectSsh(o: SshConnectOptions, h: SessionHandlers): RendezvousSession;
  /** Time, for polls (a Fir dyno is polled until it is up). */
  clock: Clock;
  /** Whether the rendezvous host's certificate is checked (always, except the loopback fake of the sandbox). */
  verifyCertificate(attachHost: string, apiUrl: string): boolean;
  /** The API URL of the current sign-in (the rendezvous policy compares hosts with it). */
  apiUrl(): string;
}
