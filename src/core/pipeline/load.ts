// Reads everything the diagram shows, as Results, so a failed part leaves the others standing. First the
// pipeline and its lists (couplings, latest releases, review apps, CI runs: one request each), then per app the
// details (app, dynos, the deployed slug's commit) with a few requests at a time. `onProgress` gets the
// snapshot after the lists and again as details arrive, so the diagram draws early and fills in.
// Review apps get no detail requests: their card shows the branch, PR and release the lists already carry,
// and a pipeline with a hundred of them would otherwise cost three hundred requests.
import type { Result } from '../heroku/result';
import type { App, Dyno, Pipeline, PipelineCoupling, PipelineRelease, ReviewApp, Slug, TestRun } from '../heroku/types';
import type { ApiCallOptions, PipelineApi } from './ports';

export interface PipelineSnapshot {
  /** What the user asked for (name or id). */
  query: string;
  pipeline: Result<Pipeline>;
  couplings?: Result<PipelineCoupling[]>;
  releases?: Result<PipelineRelease[]>;
  reviewApps?: Result<ReviewApp[]>;
  testRuns?: Result<TestRun[]>;
  apps: Map<string, Result<App>>;
  dynos: Map<string, Result<Dyno[]>>;
  /** By app id: the slug of the app's current release. */
  slugs: Map<string, Result<Slug>>;
  /** False until every detail request has answered. */
  complete: boolean;
}

export interface LoadOptions extends ApiCallOptions {
  /** Details requests at a time (default 24: the six detailed apps of a usual pipeline, three reads each, in one round). */
  concurrency?: number;
  onProgress?: (snap: PipelineSnapshot) => void;
}

export function emptySnapshot(query: string, pipeline: Result<Pipeline>): PipelineSnapshot {
  return { query, pipeline, apps: new Map(), dynos: new Map(), slugs: new Map(), complete: false };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loadPipeline(api: PipelineApi, query: string, o: LoadOptions = {}): Promise<PipelineSnapshot> {
  // Asked by id (the view, an app's coupling): the lists need not wait for the pipeline itself.
  const early = UUID.test(query) ? listsOf(api, query, o) : undefined;
  const snap = emptySnapshot(query, await api.pipeline(query, o));
  if (!snap.pipeline.ok) {
    snap.complete = true;
    return snap;
  }
  if (early && snap.pipeline.value.id === query) [snap.couplings, snap.releases, snap.reviewApps, snap.testRuns] = await early;
  else await loadLists(api, snap, o);
  o.onProgress?.(snap);
  await loadDetails(api, snap, o);
  snap.complete = true;
  o.onProgress?.(snap);
  return snap;
}

function listsOf(api: PipelineApi, id: string, o: ApiCallOptions) {
  return Promise.all([api.couplings(id, o), api.latestReleases(id, o), api.reviewApps(id, o), api.testRuns(id, o)] as const);
}

async function loadLists(api: PipelineApi, snap: PipelineSnapshot, o: ApiCallOptions): Promise<void> {
  if (!snap.pipeline.ok) return;
  [snap.couplings, snap.releases, snap.reviewApps, snap.testRuns] = await listsOf(api, snap.pipeline.value.id, o);
}

/** The coupled apps outside the review stage: the ones whose cards show region, dynos and commit. */
export function detailedApps(snap: PipelineSnapshot): string[] {
  if (!snap.couplings?.ok) return [];
  return snap.couplings.value.filter((c) => c?.stage !== 'review' && typeof c?.app?.id === 'string').map((c) => c.app.id);
}

function slugIdOf(snap: PipelineSnapshot, appId: string): string | undefined {
  if (!snap.releases?.ok) return undefined;
  const rel = snap.releases.value.find((r) => r?.app?.id === appId);
  const id = rel?.slug?.id;
  return typeof id === 'string' ? id : undefined;
}

type Job = () => Promise<void>;

async function runLimited(jobs: Job[], limit: number, signal?: AbortSignal): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length && !signal?.aborted) await jobs[next++]();
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, jobs.length)) }, worker));
}

function detailJobs(api: PipelineApi, snap: PipelineSnapshot, appId: string, o: ApiCallOptions): Job[] {
  const jobs: Job[] = [
    async () => { snap.apps.set(appId, await api.app(appId, o)); },
    async () => { snap.dynos.set(appId, await api.dynos(appId, o)); },
  ];
  const slugId = slugIdOf(snap, appId);
  if (slugId) jobs.push(async () => { snap.slugs.set(appId, await api.slug(appId, slugId, o)); });
  return jobs;
}

async function loadDetails(api: PipelineApi, snap: PipelineSnapshot, o: LoadOptions): Promise<void> {
  const jobs = detailedApps(snap).flatMap((id) => detailJobs(api, snap, id, o));
  // Review apps whose name no list carried (no release yet): one app read each.
  for (const id of unnamedApps(snap)) jobs.push(async () => { snap.apps.set(id, await api.app(id, o)); });
  await runLimited(jobs, o.concurrency ?? 24, o.signal);
}

function unnamedApps(snap: PipelineSnapshot): string[] {
  if (!snap.couplings?.ok) return [];
  const named = new Set(snap.releases?.ok ? snap.releases.value.filter((r) => typeof r?.app?.name === 'string').map((r) => r.app.id) : []);
  return snap.couplings.value.filter((c) => c?.stage === 'review' && typeof c?.app?.id === 'string' && !named.has(c.app.id)).map((c) => c.app.id);
}

/**
 * Reads again what a failure's retryKey names ("lists", "app:<id>", "all"), keeping the rest. Returns a new
 * snapshot; "all" (or an unknown key) reads everything.
 */
export async function retryPart(api: PipelineApi, snap: PipelineSnapshot, key: string | undefined, o: LoadOptions = {}): Promise<PipelineSnapshot> {
  if (!key || key === 'all' || !snap.pipeline.ok) return loadPipeline(api, snap.query, o);
  const next: PipelineSnapshot = { ...snap, apps: new Map(snap.apps), dynos: new Map(snap.dynos), slugs: new Map(snap.slugs), complete: false };
  if (key === 'lists') {
    await loadLists(api, next, o);
    o.onProgress?.(next);
    await loadDetails(api, next, o);
  } else if (key.startsWith('app:')) {
    await runLimited(detailJobs(api, next, key.slice(4), o), o.concurrency ?? 24, o.signal);
  } else {
    return loadPipeline(api, snap.query, o);
  }
  next.complete = true;
  o.onProgress?.(next);
  return next;
}
