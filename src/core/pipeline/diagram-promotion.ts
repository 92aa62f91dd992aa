// Promotion from the pipeline diagram: the confirmation that names exactly what changes, and the diagram's view of
// the one promotion use-case (promote.ts): each poll becomes a PromotionState the webview draws, the end a sentence
// with Heroku's words for every failed target. Nothing throws; time only through the clock port.
import type { PromotionState } from '../../shared/pipeline-protocol';
import type { AppCard } from '../../shared/pipeline-model';
import type { PromotionApi } from '../heroku/api';
import type { Clock } from '../heroku/ports';
import { describeHerokuError } from '../heroku/result';
import { promote } from './promote';
import { describePromotion, type TargetOutcome } from './promotion-plan';

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

export interface DiagramPromotionOptions {
  signal?: AbortSignal;
  pollMs?: number;
  maxWaitMs?: number;
}

/**
 * Creates the promotion and waits for its targets. `onProgress` gets each state (targets pending, then their
 * outcomes). Failures come back as a done state with Heroku's words in `text`.
 */
export async function runPromotion(api: PromotionApi, clock: Clock, input: PromotionInput, onProgress: (s: PromotionState) => void,
  o: DiagramPromotionOptions = {}): Promise<PromotionState> {
  const source = sourceLabel(input.source);
  const wanted = input.targets.map((t) => t.appId);
  const nameOf = (id: string) => input.targets.find((t) => t.appId === id)?.name ?? id;
  const state = (outcomes: readonly TargetOutcome[], done: boolean): PromotionState => ({
    sourceAppId: input.source.appId, source, done,
    targets: input.targets.map((t) => {
      const hit = outcomes.find((x) => x.appId === t.appId);
      return { appId: t.appId, name: t.name, status: hit?.status ?? 'pending', ...(hit?.error ? { error: hit.error } : {}) };
    }),
  });
  onProgress(state([], false));
  let last: readonly TargetOutcome[] = [];
  const run = await promote(api, clock, {
    pipelineId: input.pipelineId, sourceAppId: input.source.appId, targetAppIds: wanted,
    ...(input.source.release ? { sourceReleaseId: input.source.release.id } : {}),
  }, {
    signal: o.signal, pollMs: o.pollMs, maxWaitMs: o.maxWaitMs,
    onProgress: (targets) => {
      last = targets;
      onProgress(state(targets, false));
    },
  });
  if (!run.ok && last.length === 0) {
    const s: PromotionState = { ...state([], true), text: `Promotion of ${source} failed: ${describeHerokuError(run.error)}`, failed: true };
    s.targets = s.targets.map((t) => ({ ...t, status: 'failed', error: run.error.message }));
    onProgress(s);
    return s;
  }
  // A cancelled or failed poll after the start: report what the last poll saw (pending targets say so).
  const outcomes = run.ok ? run.value.targets : last;
  const report = describePromotion(source, wanted, outcomes, nameOf);
  const s: PromotionState = { ...state(outcomes, true), text: report.text, failed: report.failed.length > 0 };
  onProgress(s);
  return s;
}
