// The one app-state store: per app the last known app, formation, dynos, releases, add-ons, config (masked),
// domains and pipeline coupling; per account the app list, the couplings and the pipelines; per pipeline its
// couplings and latest releases. Every view reads here and subscribes
// to onDidChangeApp / onDidChangeAccount; none fetches or polls on its own. Reads are shared: a slice that is fresh
// (younger than freshForMs and not invalidated) answers from memory, one that is loading is waited for, and an
// invalidation (a refresh, an action on the app, a new sign-in) aborts the load in flight and starts a fresh one
// that every waiting reader gets. Views say what they show with want(); the scheduler (./scheduler.ts) refreshes
// exactly that on its interval, backing off per slice while Heroku fails. Time only through the Clock port.
import type { ApiProvider, HerokuApi } from '../heroku/api';
import type { Clock } from '../heroku/ports';
import { fail, notSignedIn, type Result } from '../heroku/result';
import { Emitter } from '../event';
import type { IDisposable } from '../lifecycle';
import { maskValue } from '../redact';
import { accountLoaders, appLoaders, pipelineLoaders } from './loaders';
import {
  ACCOUNT_SLICE_NAMES, PIPELINE_SLICE_NAMES, SLICE_NAMES, type AccountSliceName, type AccountSlices, type AccountSnapshot,
  type AppChange, type AppSlices, type AppSnapshot, type PipelineChange, type PipelineSliceName, type PipelineSlices, type Slice,
  type SliceName, type Want,
} from './types';

/** How often a read that an invalidation superseded starts again before it returns what it has. */
const MAX_RESTARTS = 3;
/** A failing slice waits 2, 4, then 8 intervals before the scheduler tries it again. */
const MAX_BACKOFF_STEPS = 3;

interface Load {
  promise: Promise<void>;
  controller: AbortController;
  superseded: boolean;
  /** Set when the answer landed: whether it was a success. */
  ok?: boolean;
}

interface Entry {
  slice: Slice<unknown>;
  /** Invalidated: the next read loads even when young. */
  stale: boolean;
  /** Consecutive failures (the scheduler backs off). */
  failures: number;
  loading?: Load;
}

export interface AppStoreDeps {
  /** The API of the current sign-in; undefined when signed out (reads then fail with no_token, no request). */
  api: ApiProvider;
  clock: Clock;
  /** Each config value read, so it can be masked wherever it might be printed (the Redactor). */
  onSecret?: (value: string) => void;
  /** A listener threw: logged by the composition root, never lost. */
  onListenerError?: (err: unknown) => void;
}

export interface RefreshReport {
  /** Slices read (each one request; add-ons two). */
  slices: number;
  failures: number;
}

const appKey = (app: string, slice: SliceName) => `app\0${app}\0${slice}`;
const pipelineKey = (id: string, slice: PipelineSliceName) => `pipe\0${id}\0${slice}`;
const accountKey = (slice: AccountSliceName) => `account\0${slice}`;

export class AppStore implements IDisposable {
  private readonly entries = new Map<string, Entry>();
  private readonly secrets = new Map<string, Record<string, string>>();
  private readonly wants = new Map<string, readonly Want[]>();
  private email: Promise<string | undefined> | undefined;
  private readonly lifetime = new AbortController();
  private readonly appChanged = new Emitter<AppChange>();
  private readonly accountChanged = new Emitter<AccountSliceName[]>();
  private readonly pipelineChanged = new Emitter<PipelineChange>();
  private pending = new Map<string, Set<SliceName>>();
  private flushQueued = false;
  /** While a refresh or a change runs its reads, events wait for all of them (one event per app). */
  private holding = 0;
  /** How long a read answers from memory; the scheduler sets it to its interval (0: until invalidated). */
  freshForMs = 60_000;

  /** Slices of an app that got a new value or a new failure (batched per app; a slice's first answer is not one). */
  readonly onDidChangeApp = this.appChanged.event;
  /** The app list, the couplings or the pipelines changed. */
  readonly onDidChangeAccount = this.accountChanged.event;
  /** A pipeline's couplings or latest releases changed. */
  readonly onDidChangePipeline = this.pipelineChanged.event;

  constructor(private readonly deps: AppStoreDeps) {}

  // ---- reading

  /** What is known about `app` now, without a request. */
  peek(app: string): AppSnapshot {
    const out: Record<string, unknown> = { name: app };
    for (const s of SLICE_NAMES) {
      const e = this.entries.get(appKey(app, s));
      if (e && e.slice.at > 0) out[s] = e.slice;
    }
    return out as AppSnapshot;
  }

  peekAccount(): AccountSnapshot {
    const out: Record<string, unknown> = {};
    for (const s of ACCOUNT_SLICE_NAMES) {
      const e = this.entries.get(accountKey(s));
      if (e && e.slice.at > 0) out[s] = e.slice;
    }
    return out as AccountSnapshot;
  }

  /** One slice of `app`, read when missing, old or invalidated (one read shared by every caller). */
  read<K extends SliceName>(app: string, slice: K): Promise<Slice<AppSlices[K]>> {
    return this.readEntry(appKey(app, slice), () => this.startApp(app, slice)) as Promise<Slice<AppSlices[K]>>;
  }

  readAccount<K extends AccountSliceName>(slice: K): Promise<Slice<AccountSlices[K]>> {
    return this.readEntry(accountKey(slice), () => this.startAccount(slice)) as Promise<Slice<AccountSlices[K]>>;
  }

  /** One slice of the pipeline with this id, read like an app's. */
  readPipeline<K extends PipelineSliceName>(id: string, slice: K): Promise<Slice<PipelineSlices[K]>> {
    return this.readEntry(pipelineKey(id, slice), () => this.startPipeline(id, slice)) as Promise<Slice<PipelineSlices[K]>>;
  }

  /** The config values last read for `app` (the tree's revealed values, copy); handed to onSecret as they came. */
  secretConfig(app: string): Readonly<Record<string, string>> | undefined {
    return this.secrets.get(app);
  }

  // ---- what the views show

  /** Replaces what `owner` (a view) shows; the scheduler refreshes the union of every owner's wants. */
  want(owner: string, wants: readonly Want[]): void {
    if (wants.length) this.wants.set(owner, wants);
    else this.wants.delete(owner);
  }

  /** Every wanted slice's key, once. */
  private wantedKeys(): Map<string, () => Load> {
    const out = new Map<string, () => Load>();
    for (const list of this.wants.values()) {
      for (const w of list) {
        if ('app' in w) for (const s of w.slices) out.set(appKey(w.app, s), () => this.startApp(w.app, s));
        else if ('pipeline' in w) for (const s of w.slices) out.set(pipelineKey(w.pipeline, s), () => this.startPipeline(w.pipeline, s));
        else for (const s of w.account) out.set(accountKey(s), () => this.startAccount(s));
      }
    }
    return out;
  }

  // ---- changes

  /** Reads every wanted slice again now (the scheduler's tick), except one backing off after failures. */
  async refreshWanted(o: { all?: boolean } = {}): Promise<RefreshReport> {
    if (!this.deps.api()) return { slices: 0, failures: 0 };
    const now = this.deps.clock.now();
    const loads: Load[] = [];
    for (const [key, start] of this.wantedKeys()) {
      const e = this.entry(key);
      if (e.loading) continue;
      const wait = this.freshForMs * 2 ** Math.min(e.failures, MAX_BACKOFF_STEPS);
      if (!o.all && e.failures > 0 && now - e.slice.at < wait) continue;
      loads.push(start());
    }
    await this.held(Promise.all(loads.map((l) => l.promise)));
    return { slices: loads.length, failures: loads.filter((l) => l.ok === false).length };
  }

  /**
   * Forgets how young everything is (the explorer's Refresh), or what is known of some apps (and the app list, which
   * shows them): loads in flight are aborted and started again, so every waiting reader gets a fresh answer; the
   * next read loads. ETags keep unchanged answers cheap.
   */
  invalidate(apps?: readonly string[]): void {
    this.invalidateWhere((key) => !apps || this.concerns(key, apps));
  }

  /** Forgets how young the pipeline list and every pipeline's slices are (the Pipelines view's Refresh). */
  invalidatePipelines(): void {
    this.invalidateWhere((key) => key.startsWith('pipe\0') || key === accountKey('pipelines'));
  }

  private invalidateWhere(matches: (key: string) => boolean): void {
    for (const [key, e] of this.entries) {
      if (!matches(key)) continue;
      e.stale = true;
      this.supersede(e);
    }
  }

  /**
   * An action changed these apps on Heroku (restart, scale, config, rollback; a promotion names its source and
   * targets together): what the views show of them is read again at once, the app list once for all of them.
   */
  async changed(...apps: string[]): Promise<void> {
    this.invalidate(apps);
    const loads: Promise<void>[] = [];
    for (const [key, start] of this.wantedKeys()) if (this.concerns(key, apps)) loads.push(start().promise);
    await this.held(Promise.all(loads));
  }

  private async held<T>(work: Promise<T>): Promise<T> {
    this.holding++;
    try {
      return await work;
    } finally {
      this.holding--;
      this.flush();
    }
  }

  /** A change to these apps concerns their slices, the app list, and every pipeline's latest releases (a deploy,
   * rollback or promotion makes a release; which pipeline holds the app is not looked up for it). */
  private concerns(key: string, apps: readonly string[]): boolean {
    return key === accountKey('apps') || (key.startsWith('pipe\0') && key.endsWith('\0latestReleases')) || apps.some((a) => key.startsWith(`app\0${a}\0`));
  }

  /** Another sign-in (or none): everything known is forgotten and every view told. */
  reset(): void {
    const apps = new Set<string>();
    const pipelines = new Set<string>();
    for (const [key, e] of this.entries) {
      this.supersede(e);
      const [kind, name] = key.split('\0');
      if (kind === 'app') apps.add(name);
      if (kind === 'pipe') pipelines.add(name);
    }
    this.entries.clear();
    this.secrets.clear();
    this.email = undefined;
    for (const app of apps) this.note(app, [...SLICE_NAMES]);
    this.accountChanged.fire([...ACCOUNT_SLICE_NAMES], this.deps.onListenerError);
    for (const id of pipelines) this.pipelineChanged.fire({ pipeline: id, slices: [...PIPELINE_SLICE_NAMES] }, this.deps.onListenerError);
  }

  dispose(): void {
    this.lifetime.abort();
    for (const e of this.entries.values()) this.supersede(e);
    this.appChanged.dispose();
    this.accountChanged.dispose();
    this.pipelineChanged.dispose();
  }

  // ---- loading

  private entry(key: string): Entry {
    let e = this.entries.get(key);
    if (!e) {
      e = { slice: { at: 0 }, stale: true, failures: 0 };
      this.entries.set(key, e);
    }
    return e;
  }

  private async readEntry(key: string, start: () => Load): Promise<Slice<unknown>> {
    for (let restart = 0; ; restart++) {
      if (this.lifetime.signal.aborted) return this.entry(key).slice;
      const e = this.entry(key);
      const young = this.freshForMs <= 0 || this.deps.clock.now() - e.slice.at < this.freshForMs;
      if (!e.loading && !e.stale && young) return e.slice;
      const load = e.loading ?? start();
      await load.promise;
      if (!load.superseded || restart >= MAX_RESTARTS) return this.entry(key).slice;
    }
  }

  private supersede(e: Entry): void {
    if (!e.loading) return;
    e.loading.superseded = true;
    e.loading.controller.abort();
    e.loading = undefined;
  }

  /** Starts one load of `key`; its answer lands in the entry unless an invalidation superseded it. */
  private start<T>(key: string, run: (api: HerokuApi, signal: AbortSignal) => Promise<Result<T>>, apply: (r: Result<T>, e: Entry) => boolean): Load {
    const e = this.entry(key);
    this.supersede(e);
    const controller = new AbortController();
    const onEnd = () => controller.abort();
    this.lifetime.signal.addEventListener('abort', onEnd, { once: true });
    const load: Load = { controller, superseded: false, promise: Promise.resolve() };
    load.promise = (async () => {
      const api = this.deps.api();
      let r: Result<T>;
      try {
        r = api ? await run(api, controller.signal) : fail(notSignedIn());
      } catch (err) {
        // A port must not throw; if one does, the slice shows it like any failure.
        r = fail({ id: 'internal_error', message: `Could not read: ${err instanceof Error ? err.message : String(err)}`, status: 0, method: 'GET', path: '' });
      } finally {
        this.lifetime.signal.removeEventListener('abort', onEnd);
      }
      if (load.superseded || this.lifetime.signal.aborted) return;
      const current = this.entry(key);
      current.loading = undefined;
      current.stale = false;
      load.ok = r.ok;
      const changed = apply(r, current);
      current.failures = r.ok ? 0 : current.failures + 1;
      if (changed) this.noteKey(key);
    })();
    e.loading = load;
    e.stale = false;
    return load;
  }

  private startApp(app: string, slice: SliceName): Load {
    return this.start(appKey(app, slice), (api, signal) => appLoaders[slice](api, app, { signal }) as Promise<Result<unknown>>,
      (r, e) => (slice === 'config' && r.ok ? this.applyConfig(app, r as Result<Record<string, string>> & { ok: true }, e) : this.apply(r, e)));
  }

  private startPipeline(id: string, slice: PipelineSliceName): Load {
    return this.start(pipelineKey(id, slice), (api, signal) => pipelineLoaders[slice](api, id, { signal }) as Promise<Result<unknown>>,
      (r, e) => this.apply(r, e));
  }

  private startAccount(slice: AccountSliceName): Load {
    return this.start(accountKey(slice), (api, signal) => accountLoaders[slice](api, { signal }, () => this.accountEmail(api)) as Promise<Result<unknown>>,
      (r, e) => this.apply(r, e));
  }

  /**
   * Stores an answer; true when what a view shows changed (a 304 or an identical body is no change). A slice's first
   * answer is no change either: nobody showed it before, and whoever asked for it renders it.
   */
  private apply(r: Result<unknown>, e: Entry): boolean {
    const before = e.slice;
    const first = before.at === 0;
    const now = this.deps.clock.now();
    if (!r.ok) {
      e.slice = { value: before.value, error: r.error, at: now, skipped: before.skipped };
      return !first && (before.error?.id !== r.error.id || before.error?.message !== r.error.message);
    }
    e.slice = { value: r.value, at: now, ...(r.skipped ? { skipped: r.skipped } : {}) };
    if (first) return false;
    if (before.error) return true;
    return !r.notModified && JSON.stringify(before.value) !== JSON.stringify(r.value);
  }

  /** Keeps the values aside (secretConfig) and stores them masked; a value changed behind the same mask is a change too. */
  private applyConfig(app: string, r: Result<Record<string, string>> & { ok: true }, e: Entry): boolean {
    const vars = r.value;
    for (const v of Object.values(vars)) this.deps.onSecret?.(v);
    const first = e.slice.at === 0;
    const before = JSON.stringify(this.secrets.get(app) ?? null);
    this.secrets.set(app, vars);
    const keys = Object.keys(vars).sort();
    const masked = Object.fromEntries(keys.map((k) => [k, maskValue(vars[k])]));
    const shown = this.apply({ ok: true, value: { keys, masked }, ...(r.notModified ? { notModified: true } : {}), ...(r.skipped ? { skipped: r.skipped } : {}) }, e);
    return shown || (!first && before !== JSON.stringify(vars));
  }

  /** The signed-in account's email, read once per session (again after a failure). */
  private accountEmail(api: HerokuApi): Promise<string | undefined> {
    this.email ??= api.account({ signal: this.lifetime.signal }).then((r) => {
      if (!r.ok) this.email = undefined;
      return r.ok ? r.value.email : undefined;
    });
    return this.email;
  }

  // ---- events, batched: one onDidChangeApp per app for the slices a refresh (or the answers of one turn) changed

  private noteKey(key: string): void {
    const [kind, a, b] = key.split('\0');
    if (kind === 'app') this.note(a, [b as SliceName]);
    else if (kind === 'pipe') this.pipelineChanged.fire({ pipeline: a, slices: [b as PipelineSliceName] }, this.deps.onListenerError);
    else this.accountChanged.fire([a as AccountSliceName], this.deps.onListenerError);
  }

  private note(app: string, slices: SliceName[]): void {
    const set = this.pending.get(app) ?? new Set<SliceName>();
    for (const s of slices) set.add(s);
    this.pending.set(app, set);
    if (this.flushQueued || this.holding) return;
    this.flushQueued = true;
    queueMicrotask(() => {
      this.flushQueued = false;
      this.flush();
    });
  }

  private flush(): void {
    if (this.holding) return;
    const batch = this.pending;
    this.pending = new Map();
    for (const [app, set] of batch) this.appChanged.fire({ app, slices: [...set] }, this.deps.onListenerError);
  }
}
