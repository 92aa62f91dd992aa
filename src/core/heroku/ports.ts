// The ports core needs besides the Heroku API (./api.ts): time, files, git, secrets, processes. Declared here, in
// core's words; implemented in src/infra (clock.ts, fs/node-files.ts, git/node-git.ts, the session's secret store
// is VS Code's SecretStorage); constructed only by the composition roots (src/vscode/compose.ts, src/cli). Tests
// pass fakes: test/support/fake-clock.ts, a temp folder, the fake Heroku.
import type { FoundRemote } from '../git/remotes';
import type { IDisposable } from '../lifecycle';

/** Time. Use-cases read it only through here, so a test can move it on (test/support/fake-clock.ts). */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`; rejects (an Error named AbortError) as soon as `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Calls `fn` once after `ms` unless disposed first. */
  setTimer(fn: () => void, ms: number): IDisposable;
}

/** One piece of a text stream; the last one says how it ended. `bytes` counts what the server sent for `text`. */
export type StreamChunk = { text: string; bytes: number } | { end: 'complete' } | { end: 'dropped'; message: string };

/**
 * Plain-text output URLs Heroku hands out (build and release-phase output, Heroku CI node output): signed, read
 * without the token. A 404 (`status`) means the stream does not exist yet. `skipBytes` drops what an earlier
 * connection already delivered (the server replays from the start). Implemented by infra/http/text-stream.ts.
 */
export interface TextStreams {
  open(url: string, o: { signal?: AbortSignal; skipBytes?: number }):
    Promise<{ ok: true; chunks: AsyncIterable<StreamChunk> } | { ok: false; status: number; message: string }>;
}

/** The local disk as core uses it. Reads never throw for a missing or unreadable file. */
export interface FileSystem {
  /** The file's text, or undefined when it does not exist (other failures reject). */
  readText(path: string): Promise<string | undefined>;
  /** Writes beside the file and renames over it, so a failure leaves the old one intact; a new file is owner-only. */
  writeTextAtomic(path: string, text: string): Promise<void>;
  // The linters' neighbours, synchronous (a lint is one synchronous call): the CLI and the editor use the same rules.
  /** Text of the file `name` (a bare name) in `dir`; undefined when missing, unreadable or not a bare name. */
  readSibling(dir: string, name: string): string | undefined;
  /** Whether a file (not a folder) exists at `relative` under `dir`; false for paths that leave `dir`. */
  fileExistsUnder(dir: string, relative: string): boolean;
  /** The exact names of the entries in `dir`; undefined when unreadable. */
  folderEntries(dir: string): string[] | undefined;
}

export interface FindRemotesOptions {
  /** Folder levels below each root searched for further repositories (monorepos). */
  depth?: number;
  signal?: AbortSignal;
  /** Filled with the config file of every repository found, with Heroku remotes or not (to watch them). */
  gitConfigs?: Set<string>;
}

/** Watches git config files; set() replaces what is watched. */
export interface ConfigWatch extends IDisposable {
  set(configs: Iterable<string>): void;
}

/** Git repositories on disk: their Heroku remotes, and changes to their config. */
export interface GitRemotes {
  findHerokuRemotes(roots: readonly string[], options?: FindRemotesOptions): Promise<FoundRemote[]>;
  watchConfigs(onChange: (config: string) => void): ConfigWatch;
}

/** Where the extension keeps the API key it was given (VS Code's SecretStorage has this shape). */
export interface SecretStore {
  get(key: string): PromiseLike<string | undefined>;
  store(key: string, value: string): PromiseLike<void>;
  delete(key: string): PromiseLike<void>;
}

/** A process to start: no shell, arguments as given. */
export interface SpawnRequest {
  command: string;
  args: readonly string[];
  cwd?: string;
  env?: Readonly<Record<string, string>>;
}

export interface SpawnedProcess {
  readonly pid: number | undefined;
  /** Each chunk of output as it comes, decoded as UTF-8. */
  onOutput(listener: (stream: 'stdout' | 'stderr', text: string) => void): IDisposable;
  /** Settles once when the process (and its group) is gone. */
  readonly exited: Promise<{ code: number | null; signal: string | null }>;
  /** Stops it and everything it started (TERM, then KILL after a grace period); resolves when it is gone. */
  stop(): Promise<void>;
}

/** Starting processes (the local runner; src/infra/process implements it). */
export interface Spawner {
  spawn(request: SpawnRequest): SpawnedProcess;
}
