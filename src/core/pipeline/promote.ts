// The promotion use-case, for the explorer's Promote command and the pipeline diagram alike: find what an app
// promotes to (plan), start the promotion, and poll its targets until none is pending, reporting each poll. Time
// only through the Clock port, so tests move a fake clock; failures as Results with Heroku's own words.
import type { CallOptions, HerokuApi, PromotionApi } from '../heroku/api';
import type { Clock } from '../heroku/ports';
import { fail, ok, type HerokuError, type Result } from '../heroku/result';
import type { PipelineCoupling, PipelinePromotion, PipelineStage, PromotionRequest } from '../heroku/types';
import { planPromotion, promotionDone, targetOutcome, type TargetOutcome } from './promotion-plan';

/** The Heroku CLI polls a promotion each second. */
export const POLL_MS = 1000;
/** Promotions take seconds; past this the wait stops (the promotion goes on at Heroku). */
export const MAX_WAIT_MS = 10 * 60_000;

export type AppPromotionPlan =
  | { ok: true; source: PipelineCoupling; stage: PipelineStage; targets: PipelineCoupling[] }
  /** `message` says why in plain words; `error` is Heroku's when a request failed. */
  | { ok: false; message: string; error?: HerokuError };

/** What `app` promotes to: its coupling, the next stage, and that stage's apps in its pipeline. */
export async function planAppPromotion(api: Pick<HerokuApi, 'appPipelineCoupling' | 'pipelineCouplings'>, app: string, o: CallOptions = {}): Promise<AppPromotionPlan> {
  const coupled = await api.appPipelineCoupling(app, o);
  if (!coupled.ok) {
    if (coupled.error.status === 404) return { ok: false, message: `${app} is not in a pipeline: there is nothing to promote it to.`, error: coupled.error };
    return { ok: false, message: `Could not read the pipeline of ${app}: ${coupled.error.message}`, error: coupled.error };
  }
  const all = await api.pipelineCouplings(coupled.value.pipeline.id, o);
  if (!all.ok) return { ok: false, message: `Could not read the apps of the pipeline of ${app}: ${all.error.message}`, error: all.error };
  const plan = planPromotion(app, coupled.value, all.value);
  return plan.ok ? { ok: true, source: coupled.value, stage: plan.stage, targets: plan.targets } : plan;
}

export interface PromoteOptions {
  /** Aborts the start or the wait: the result is a `cancelled` failure (a started promotion goes on at Heroku). */
  signal?: AbortSignal;
  pollMs?: number;
  maxWaitMs?: number;
  /** Once Heroku has the promotion, before the first poll. */
  onStarted?: (promotion: PipelinePromotion) => void;
  /** Every poll's view of the targets asked for (a target Heroku does not list yet is absent). */
  onProgress?: (targets: readonly TargetOutcome[]) => void;
}

export interface PromotionRun {
  promotionId: string;
  /** One per target asked for that Heroku listed: succeeded, failed (with Heroku's error text) or still pending. */
  targets: TargetOutcome[];
  /** The wait ended at maxWaitMs with a target still pending. */
  timedOut: boolean;
}

function cancelled(path: string): HerokuError {
  return { id: 'cancelled', message: 'The request was cancelled.', status: 0, method: 'GET', path };
}

/** Starts a promotion and waits until no target asked for is pending (or maxWaitMs, or the signal). */
export async function promote(api: PromotionApi, clock: Clock, request: PromotionRequest, o: PromoteOptions = {}): Promise<Result<PromotionRun>> {
  const created = await api.createPromotion(request, { signal: o.signal });
  if (!created.ok) return created;
  o.onStarted?.(created.value);
  const wanted = new Set(request.targetAppIds);
  const path = `/pipeline-promotions/${created.value.id}/promotion-targets`;
  const until = clock.now() + (o.maxWaitMs ?? MAX_WAIT_MS);
  for (;;) {
    const r = await api.promotionTargets(created.value.id, { signal: o.signal, cache: false });
    if (!r.ok) return r;
    const targets = r.value.map(targetOutcome).filter((t) => wanted.has(t.appId));
    o.onProgress?.(targets);
    const done = promotionDone(request.targetAppIds, targets);
    if (done || clock.now() >= until) return ok({ promotionId: created.value.id, targets, timedOut: !done });
    try {
      await clock.sleep(o.pollMs ?? POLL_MS, o.signal);
    } catch {
      return fail(cancelled(path));
    }
  }
}
