// Promotion from the diagram: the confirmation that names exactly what changes, then create the promotion and
// poll its targets (each second, as the Heroku CLI does) until none is pending, reporting each step. Reuses the
// explorer's pure promotion functions (readTargets, promotionDone, describePromotion); time comes from the clock
// port. One place for the lead to swap in the store's promotion use-case.
import type { PromotionState } from '../../shared/pipeline-protocol';
import type { AppCard } from '../../shared/pipeline-model';
import { describePromotion, promotionDone, readTargets, type TargetOutcome } from '../explorer/promotion';
import { describeHerokuError } from '../heroku/result';
import type { ApiCallOptions, Clock, PipelineApi } from './ports';

export const POLL_MS = 1000;
export const MAX_WAIT_MS = 10 * 60_000;

function releaseText(c: AppCard): string {
  const v = c.release ? `v${c.release.version}` : 'no release';
  return c.commit ? `${v} (${c.commit.short})` : v;
}

export function sourceLabel(source: AppCard): string {
  return source.release ? `${source.name} v${source.release.version}` : source.name;
}

/** The modal's question and detail: source release and commit -> each target's current release and commit. */
export function promotionConfirmation(source: AppCard, targets: readonly AppCard[]): { message: string; detail: string } {
  const from = `${source.name} ${releaseText(source)}`;
  const names = targets.map((t) => t.name).join(', ');
  const lines = targets.map((t) => `${t.name}: ${releaseText(t)} → the slug of ${from}`);
  return {
    message: `Promote ${from} to ${names}?`,
    detail: `${lines.join('\n')}\nEach target keeps its own config vars and add-ons; it gets a new release.`,
  };
}

export interface PromotionInput {
  pipelineId: string;
  source: AppCard;
  targets: readonly { appId: string; name: string }[];
}

/**
 * Creates the promotion and waits for its targets. `onProgress` gets each state (targets pending, then their
 * outcomes). Failures come back as a done state with Heroku's words in `text`; nothing throws.
 */
export async function runPromotion(api: PipelineApi, clock: Clock, input: PromotionInput, onProgress: (s: PromotionState) => void,
  o: ApiCallOptions & { pollMs?: number; maxWaitMs?: number } = {}): Promise<PromotionState> {
  const source = sourceLabel(input.source);
  const base = { sourceAppId: input.source.appId, source };
  const nameOf = (id: string) => input.targets.find((t) => t.appId === id)?.name ?? id;
  const state = (outcomes: readonly TargetOutcome[], done: boolean): PromotionState => ({
    ...base, done,
    targets: input.targets.map((t) => {
      const o2 = outcomes.find((x) => x.appId === t.appId);
      return { appId: t.appId, name: t.name, status: o2?.status ?? 'pending', ...(o2?.error ? { error: o2.error } : {}) };
    }),
  });
  onProgress(state([], false));
  const created = await api.createPromotion({
    pipelineId: input.pipelineId, sourceAppId: input.source.appId, targetAppIds: input.targets.map((t) => t.appId),
    ...(input.source.release ? { sourceReleaseId: input.source.release.id } : {}),
  }, o);
  if (!created.ok) {
    const text = `Promotion of ${source} failed: ${describeHerokuError(created.error)}`;
    const s = { ...state([], true), text, failed: true };
    s.targets = s.targets.map((t) => ({ ...t, status: 'failed', error: created.error.message }));
    onProgress(s);
    return s;
  }
  const wanted = input.targets.map((t) => t.appId);
  const until = clock.now() + (o.maxWaitMs ?? MAX_WAIT_MS);
  let outcomes: TargetOutcome[] = [];
  for (;;) {
    const r = await api.promotionTargets(created.value.id, o);
    if (r.ok) outcomes = readTargets(r.value);
    else if (r.error.id === 'cancelled') break;
    const done = promotionDone(wanted, outcomes);
    if (done || clock.now() > until || o.signal?.aborted) break;
    onProgress(state(outcomes, false));
    try {
      await clock.sleep(o.pollMs ?? POLL_MS, o.signal);
    } catch {
      break;
    }
  }
  const report = describePromotion(source, wanted, outcomes, nameOf);
  const s: PromotionState = { ...state(outcomes, true), text: report.text, failed: report.failed.length > 0 };
  onProgress(s);
  return s;
}
