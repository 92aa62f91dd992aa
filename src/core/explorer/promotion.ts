// Pipeline promotion, as `heroku pipelines:promote` does it: an app in the development stage promotes to the
// staging apps, staging to production; review, test and production apps have no next stage. Pure: answers of the
// Platform API (unknown, shape-checked here) in, plans and plain-words outcomes out.

/** The stages a promotion walks, in order (the Heroku CLI's order). */
export const PROMOTION_ORDER = ['development', 'staging', 'production'] as const;

export function nextStage(stage: string | undefined): string | undefined {
  const at = PROMOTION_ORDER.indexOf(stage as (typeof PROMOTION_ORDER)[number]);
  return at >= 0 && at < PROMOTION_ORDER.length - 1 ? PROMOTION_ORDER[at + 1] : undefined;
}

/** "staging" → "Staging". */
export function stageTitle(stage: string): string {
  return stage.charAt(0).toUpperCase() + stage.slice(1);
}

export interface Coupling {
  appId: string;
  pipelineId: string;
  stage: string;
}

function idOf(v: unknown): string | undefined {
  const id = (v as { id?: unknown } | null | undefined)?.id;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/** One coupling answer (`GET /apps/{app}/pipeline-couplings`), or undefined when it lacks app, pipeline or stage. */
export function readCoupling(v: unknown): Coupling | undefined {
  if (v === null || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  const appId = idOf(o.app);
  const pipelineId = idOf(o.pipeline);
  return appId && pipelineId && typeof o.stage === 'string' ? { appId, pipelineId, stage: o.stage } : undefined;
}

/** A list of couplings; items without app, pipeline or stage are skipped; not a list reads as none. */
export function readCouplings(v: unknown): Coupling[] {
  return Array.isArray(v) ? v.map(readCoupling).filter((c): c is Coupling => c !== undefined) : [];
}

/** App id → the stage it promotes to, for apps that have one. */
export function promotionStages(couplings: readonly Coupling[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of couplings) {
    const next = nextStage(c.stage);
    if (next) out.set(c.appId, next);
  }
  return out;
}

export type PromotionPlan =
  | { ok: true; stage: string; targets: Coupling[] }
  | { ok: false; message: string };

/** The apps `source` promotes to: every app of its pipeline in the next stage. */
export function planPromotion(app: string, source: Coupling, pipelineCouplings: readonly Coupling[]): PromotionPlan {
  const stage = nextStage(source.stage);
  if (!stage) {
    const why = source.stage === 'production' ? 'production is the last stage'
      : `only development and staging apps promote to a next stage`;
    return { ok: false, message: `${app} is in the ${source.stage} stage: there is nothing to promote it to (${why}).` };
  }
  const targets = pipelineCouplings.filter((c) => c.pipelineId === source.pipelineId && c.stage === stage && c.appId !== source.appId);
  if (targets.length === 0) return { ok: false, message: `${app} has no downstream apps: its pipeline has no app in the ${stage} stage.` };
  return { ok: true, stage, targets };
}

export interface TargetOutcome {
  appId: string;
  status: string;
  error?: string;
  releaseId?: string;
}

/** `GET /pipeline-promotions/{id}/promotion-targets`; items without an app id or status are skipped. */
export function readTargets(v: unknown): TargetOutcome[] {
  if (!Array.isArray(v)) return [];
  const out: TargetOutcome[] = [];
  for (const t of v) {
    if (t === null || typeof t !== 'object') continue;
    const o = t as Record<string, unknown>;
    const appId = idOf(o.app);
    if (!appId || typeof o.status !== 'string') continue;
    const item: TargetOutcome = { appId, status: o.status };
    if (typeof o.error_message === 'string' && o.error_message !== '') item.error = o.error_message;
    const releaseId = idOf(o.release);
    if (releaseId) item.releaseId = releaseId;
    out.push(item);
  }
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
      notes.push(`${name} ${t ? (t.status === 'pending' ? 'is still pending' : `failed${t.error ? `: ${t.error}` : ''}`) : 'is missing from the promotion'}`);
    }
  }
  let text: string;
  if (failed.length === 0) text = `Promoted ${source} to ${succeeded.join(', ')}.`;
  else if (succeeded.length === 0) text = `Promotion of ${source} failed: ${notes.join('; ')}.`;
  else text = `Promoted ${source} to ${succeeded.join(', ')}; ${notes.join('; ')}.`;
  return { succeeded, failed, text };
}
