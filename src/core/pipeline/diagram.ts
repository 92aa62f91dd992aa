// Snapshot -> diagram: one column per stage, left to right, one card per app. Pure; tolerates malformed items
// (skips them) and failed parts (each becomes a PartFailure with a retry key, next to what could be read).
import {
  STAGE_ORDER, type AppCard, type DynoHealth, type PartFailure, type PipelineDiagram, type ReleaseSummary, type ReviewInfo,
  type StageColumn, type StageId,
} from '../../shared/pipeline-model';
import { nextStage, stageTitle } from './promotion-plan';
import { describeHerokuError, type Result } from '../heroku/result';
import type { Dyno, PipelineRelease, ReviewApp } from '../heroku/types';
import { latestRuns } from './ci';
import type { PipelineSnapshot } from './load';
import { releaseKind } from './release-kind';

const isStage = (s: unknown): s is StageId => typeof s === 'string' && (STAGE_ORDER as readonly string[]).includes(s);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function failure<T>(r: Result<T> | undefined, what: string, retryKey: string): PartFailure[] {
  return r && !r.ok ? [{ what, message: describeHerokuError(r.error), retryKey }] : [];
}

export function releaseSummary(r: PipelineRelease | undefined): ReleaseSummary | undefined {
  if (!r || typeof r.id !== 'string' || typeof r.version !== 'number') return undefined;
  const { kind, ref } = releaseKind(r.description);
  const s: ReleaseSummary = {
    id: r.id, version: r.version, description: str(r.description) ?? '', kind, user: str(r.user?.email) ?? '',
    createdAt: str(r.created_at) ?? '', status: str(r.status) ?? 'unknown', current: r.current === true,
  };
  if (ref) s.ref = ref;
  return s;
}

export function dynoHealth(dynos: readonly Dyno[]): DynoHealth {
  const h: DynoHealth = { up: 0, starting: 0, crashed: 0, idle: 0, other: 0, level: 'none' };
  for (const d of dynos) {
    const state = d?.state;
    if (state === 'up') h.up++;
    else if (state === 'starting' || state === 'restarting') h.starting++;
    else if (state === 'crashed') h.crashed++;
    else if (state === 'idle') h.idle++;
    else h.other++;
  }
  const total = h.up + h.starting + h.crashed + h.idle + h.other;
  h.level = total === 0 ? 'none' : h.crashed ? 'bad' : h.starting || h.idle || h.other ? 'warn' : 'ok';
  return h;
}

function reviewInfo(r: ReviewApp): ReviewInfo {
  const info: ReviewInfo = { branch: str(r.branch) ?? '', prNumber: typeof r.pr_number === 'number' ? r.pr_number : null, status: str(r.status) ?? 'unknown' };
  const message = str(r.message) ?? str(r.error_status);
  if (message) info.message = message;
  return info;
}

function card(snap: PipelineSnapshot, appId: string, stage: StageId, rel: PipelineRelease | undefined, review: ReviewApp | undefined): AppCard {
  const app = snap.apps.get(appId);
  const a = app?.ok ? app.value : undefined;
  const name = str(a?.name) ?? str(rel?.app?.name) ?? appId;
  const c: AppCard = { appId, name, stage, failures: [] };
  const release = releaseSummary(rel);
  if (release) c.release = release;
  if (a) {
    if (a.region && str(a.region.name)) c.region = a.region.name;
    if (a.space && str(a.space.name)) c.space = a.space.name;
    const gen = typeof a.generation === 'string' ? a.generation : str(a.generation?.name);
    if (gen) c.generation = gen;
  }
  const slug = snap.slugs.get(appId);
  if (slug?.ok && str(slug.value.commit)) {
    const sha = slug.value.commit as string;
    c.commit = { sha, short: sha.slice(0, 7), ...(str(slug.value.commit_description) ? { message: slug.value.commit_description as string } : {}) };
  }
  const dynos = snap.dynos.get(appId);
  if (dynos?.ok && Array.isArray(dynos.value)) c.dynos = dynoHealth(dynos.value);
  if (review) c.review = reviewInfo(review);
  const key = `app:${appId}`;
  c.failures.push(...failure(app, `details of ${name}`, key), ...failure(dynos, `dynos of ${name}`, key), ...failure(slug, `commit of ${name}`, key));
  return c;
}

export function buildDiagram(snap: PipelineSnapshot): PipelineDiagram {
  if (!snap.pipeline.ok) {
    return { pipeline: { id: '', name: snap.query }, columns: [], failures: failure(snap.pipeline, `pipeline ${snap.query}`, 'all'), partial: false };
  }
  const p = snap.pipeline.value;
  const pipeline: PipelineDiagram['pipeline'] = { id: p.id, name: str(p.name) ?? snap.query };
  if (str(p.generation?.name)) pipeline.generation = p.generation?.name;
  const failures = [
    ...failure(snap.couplings, 'apps of the pipeline', 'lists'), ...failure(snap.releases, 'latest releases', 'lists'),
  ];
  const releases = snap.releases?.ok && Array.isArray(snap.releases.value) ? snap.releases.value : [];
  const relOf = new Map(releases.filter((r) => typeof r?.app?.id === 'string').map((r) => [r.app.id, r]));
  const reviews = snap.reviewApps?.ok && Array.isArray(snap.reviewApps.value) ? snap.reviewApps.value.filter((r) => r && typeof r.id === 'string') : [];
  const reviewOf = new Map(reviews.filter((r) => str(r.app?.id)).map((r) => [r.app?.id as string, r]));
  const cards = new Map<StageId, AppCard[]>(STAGE_ORDER.map((s) => [s, []]));
  const couplings = snap.couplings?.ok && Array.isArray(snap.couplings.value) ? snap.couplings.value : [];
  const coupled = new Set<string>();
  for (const c of couplings) {
    const appId = str(c?.app?.id);
    if (!appId || !isStage(c.stage) || coupled.has(appId)) continue;
    coupled.add(appId);
    cards.get(c.stage)?.push(card(snap, appId, c.stage, relOf.get(appId), reviewOf.get(appId)));
  }
  // Review apps Heroku is still creating (or failed to create) have no coupling yet: a card from the record.
  for (const r of reviews) {
    const appId = str(r.app?.id);
    if (appId && coupled.has(appId)) continue;
    const name = `${str(r.branch) ?? 'review app'}${typeof r.pr_number === 'number' ? ` #${r.pr_number}` : ''}`;
    cards.get('review')?.push({ appId: appId ?? `review-app:${r.id}`, name, stage: 'review', review: reviewInfo(r), failures: [] });
  }
  if (snap.releases && !snap.releases.ok) for (const list of cards.values()) for (const c of list) if (!c.release) c.releaseUnknown = true;
  for (const list of cards.values()) list.sort((a, b) => a.name.localeCompare(b.name));
  linkPromotions(cards);
  const runs = snap.testRuns?.ok && Array.isArray(snap.testRuns.value) ? latestRuns(snap.testRuns.value) : [];
  const testFailure = snap.testRuns && !snap.testRuns.ok && snap.testRuns.error.status !== 404 ? failure(snap.testRuns, 'Heroku CI runs', 'lists') : [];
  const columns: StageColumn[] = [];
  for (const stage of STAGE_ORDER) {
    const list = cards.get(stage) ?? [];
    const col: StageColumn = { stage, title: stage === 'test' ? 'Tests' : stage === 'review' ? 'Review Apps' : stageTitle(stage), cards: list, failures: [] };
    if (stage === 'test') {
      if (runs.length === 0 && list.length === 0 && testFailure.length === 0) continue;
      col.runs = runs;
      col.failures.push(...testFailure);
    } else if (stage === 'review') {
      col.failures.push(...failure(snap.reviewApps, 'review apps', 'lists'));
    } else if (stage === 'development' && list.length === 0) {
      continue;
    }
    columns.push(col);
  }
  return { pipeline, columns, failures, partial: !snap.complete };
}

/** Each development or staging card promotes to every app of the next stage (as `heroku pipelines:promote`). */
function linkPromotions(cards: Map<StageId, AppCard[]>): void {
  for (const [stage, list] of cards) {
    const next = nextStage(stage) as StageId | undefined;
    const targets = next ? cards.get(next) ?? [] : [];
    if (!next || targets.length === 0) continue;
    for (const c of list) c.promote = { stage: next, targets: targets.map((t) => ({ appId: t.appId, name: t.name, stage: next })) };
  }
}

/** Every card of a diagram (for lookups by app id). */
export function allCards(d: PipelineDiagram): AppCard[] {
  return d.columns.flatMap((c) => c.cards);
}
