// What the app-state store (./store.ts) holds and hands out. Every view reads these and subscribes to
// onDidChangeApp; none fetches on its own.
import type { HerokuError } from '../heroku/result';
import type { AddOn, AddOnAttachment, App, Domain, Dyno, Formation, Pipeline, PipelineCoupling, PipelineRelease, Release } from '../heroku/types';

/** One thing known about an app, read with one request (add-ons: two). */
export interface AppSlices {
  app: App;
  formation: Formation[];
  dynos: Dyno[];
  /** The latest RELEASES_KEPT releases, newest first. */
  releases: Release[];
  addons: { addons: AddOn[]; attachments: AddOnAttachment[] };
  /** Config vars with masked values (core/redact maskValue); AppStore.secretConfig() has the values. */
  config: MaskedConfig;
  domains: Domain[];
  /** The app's pipeline coupling; null when the app is in no pipeline. */
  coupling: PipelineCoupling | null;
}
export type SliceName = keyof AppSlices;
export const SLICE_NAMES: readonly SliceName[] = ['app', 'formation', 'dynos', 'releases', 'addons', 'config', 'domains', 'coupling'];

/** What the account sees across apps. */
export interface AccountSlices {
  /** Every app the account can see, with the account's email (tells personal apps from shared ones). */
  apps: { apps: App[]; email?: string };
  /** Every pipeline coupling the account can see (which app promotes where). */
  couplings: PipelineCoupling[];
  /** Every pipeline the account can see. */
  pipelines: Pipeline[];
}
export type AccountSliceName = keyof AccountSlices;
export const ACCOUNT_SLICE_NAMES: readonly AccountSliceName[] = ['apps', 'couplings', 'pipelines'];

/** What is known about one pipeline, by its id: one request each. */
export interface PipelineSlices {
  /** Its apps and their stages. */
  couplings: PipelineCoupling[];
  /** The current release of each of its apps. */
  latestReleases: PipelineRelease[];
}
export type PipelineSliceName = keyof PipelineSlices;
export const PIPELINE_SLICE_NAMES: readonly PipelineSliceName[] = ['couplings', 'latestReleases'];

/** onDidChangePipeline: these slices of the pipeline `pipeline` (an id) have a new value or a new failure. */
export interface PipelineChange {
  pipeline: string;
  slices: PipelineSliceName[];
}

export interface MaskedConfig {
  /** Sorted. */
  keys: string[];
  masked: Record<string, string>;
}

/** The last known state of one slice. */
export interface Slice<T> {
  /** The last good value; kept when a later read fails. */
  value?: T;
  /** The last read's failure; cleared by the next success. */
  error?: HerokuError;
  /** Clock time of the last answer (0: never read). */
  at: number;
  /** Items Heroku sent without the fields they need, left out of `value`. */
  skipped?: number;
}

export type AppSnapshot = { readonly name: string } & { readonly [K in SliceName]?: Slice<AppSlices[K]> };
export type AccountSnapshot = { readonly [K in AccountSliceName]?: Slice<AccountSlices[K]> };

/** What a view shows, so the scheduler refreshes it (and nothing else). */
export type Want =
  | { app: string; slices: readonly SliceName[] }
  | { account: readonly AccountSliceName[] }
  | { pipeline: string; slices: readonly PipelineSliceName[] };

/** onDidChangeApp: these slices of `app` have a new value or a new failure. */
export interface AppChange {
  app: string;
  slices: SliceName[];
}
