// What the deploy and one-off dyno use-cases need from the outside, declared here and implemented in infra
// (src/infra/heroku/deploy-api.ts, src/infra/pack, src/infra/deploy, src/infra/git, src/infra/rendezvous).
import type { Result } from '../heroku/result';
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
  stopDyno(app: string, dyno: string, signal?: AbortSignal): Promise<Result<void>>;
}

/** Time, for waits between polls and retries (tests pass a clock that does not wait). */
export interface Clock {
  now(): number;
  /** Resolves after `ms`, or at once when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
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

/** One piece of a text stream; the last one says how it ended. `bytes` counts what the server sent for `text`. */
export type StreamChunk = { text: string; bytes: number } | { end: 'complete' } | { end: 'dropped'; message: string };

export interface TextStreams {
  /** Opens an output stream (build or release output), skipping the first `skipBytes` (already shown). */
  open(url: string, o: { signal?: AbortSignal; skipBytes?: number }):
    Promise<{ ok: true; chunks: AsyncIterable<StreamChunk> } | { ok: false; status: number; message: string }>;
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
