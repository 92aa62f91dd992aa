// Pipeline promotion, as `heroku pipelines:promote` does it: an app in the development stage promotes to the
// staging apps, staging to production; review, test and production apps have no next stage. Pure: decoded
// couplings and promotion targets in, plans and plain-words outcomes out. ./promote.ts runs a promotion.
import type { PipelineCoupling, PipelinePromotionTarget, PipelineStage } from '../heroku/types';

/** The stages a promotion walks, in order (the Heroku CLI's order). */
export const PROMOTION_ORDER = ['development', 'staging', 'production'] as const;

export function nextStage(stage: string | undefined): PipelineStage | undefined {
  const at = PROMOTION_ORDER.indexOf(stage as (typeof PROMOTION_ORDER)[number]);
  return at >= 0 && at < PROMOTION_ORDER.length - 1 ? PROMOTION_ORDER[at + 1] : undefined;
}

/** "staging" → "Staging". */
export function stageTitle(stage: string): string {
  return stage.charAt(0).toUpperCase() + stage.slice(1);
}

/** App id → the stage it promotes to, for every coupling that has a next stage. */
export function promotionStages(couplings: readonly PipelineCoupling[]): Map<string, PipelineStage> {
  const out = new Map<string, PipelineStage>();
  for (const c of couplings) {
    const next = nextStage(c.stage);
    if (next) out.set(c.app.id, next);
  }
  return out;
}

export type PromotionPlan =
  | { ok: true; stage: PipelineStage; targets: PipelineCoupling[] }
  | { ok: false; message: string };

/** The apps `source` promotes to: every app of its pipeline in the next stage. */
export function planPromotion(app: string, source: PipelineCoupling, pipelineCouplings: readonly PipelineCoupling[]): PromotionPlan {
  const stage = nextStage(source.stage);
  if (!stage) {
    const why = source.stage === 'production' ? 'production is the last stage'
      : `only development and staging apps promote to a next stage`;
    return { ok: false, message: `${app} is in the ${source.stage} stage: there is nothing to promote it to (${why}).` };
  }
  const targets = pipelineCouplings.filter((c) => c.pipeline.id === source.pipeline.id && c.stage === stage && c.app.id !== source.app.id);
  if (targets.length === 0) return { ok: false, message: `${app} has no downstream apps: its pipeline has no app in the ${stage} stage.` };
  return { ok: true, stage, targets };
}

/** Where one target of a promotion stands. */
export interface TargetOutcome {
  appId: string;
  status: PipelinePromotionTarget['status'];
  /** Heroku's words when it failed. */
  error?: string;
  /** The release the promotion created in the target app. */
  releaseId?: string;
}

export function targetOutcome(t: PipelinePromotionTarget): TargetOutcome {
  const out: TargetOutcome = { appId: t.app.id, status: t.status };
  if (t.error_message) out.error = t.error_message;
  if (t.release?.id) out.releaseId = t.release.id;
  return out;
}

/** Done when every target we asked for has left `pending`. */
export function promotionDone(wanted: readonly string[], targets: readonly TargetOutcome[]): boolean {
  return wanted.every((id) => targets.some((t) => t.appId === id && t.status !== 'pending'));
}

export interface PromotionReport {
  succeeded: string[];
  failed: string[];
  /** One sentence per outcome, names instead of ids. */
  text: string;
}

/** Plain words for the outcome of promoting `source` (e.g. "acme-web-staging v16") to the `wanted` apps. */
export function describePromotion(source: string, wanted: readonly string[], targets: readonly TargetOutcome[], nameOf: (appId: string) => string): PromotionReport {
  const succeeded: string[] = [];
  const failed: string[] = [];
  const notes: string[] = [];
  for (const id of wanted) {
    const t = targets.find((x) => x.appId === id);
    const name = nameOf(id);
    if (t?.status === 'succeeded') succeeded.push(name);
    else {
      failed.push(name);
      // Heroku's own words end with a full stop; the sentence adds its own.
      const why = t?.error ? `: ${t.error.replace(/[.\s]+$/, '')}` : '';
      notes.push(`${name} ${t ? (t.status === 'pending' ? 'is still pending' : `failed${why}`) : 'is missing from the promotion'}`);
    }
  }
  let text: string;
  if (failed.length === 0) text = `Promoted ${source} to ${succeeded.join(', ')}.`;
  else if (succeeded.length === 0) text = `Promotion of ${source} failed: ${notes.join('; ')}.`;
  else text = `Promoted ${source} to ${succeeded.join(', ')}; ${notes.join('; ')}.`;
  return { succeeded, failed, text };
}
