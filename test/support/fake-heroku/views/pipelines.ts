import { stableId } from '../state/ids';
import type { FakeState } from '../state/store';
import type { Coupling, LogSession, Pipeline, Promotion, PromotionTarget } from '../state/types';

export function pipelineView(_state: FakeState, p: Pipeline): Record<string, unknown> {
  return {
    created_at: p.createdAt, id: p.id, name: p.name,
    owner: p.teamId ? { id: p.teamId, type: 'team' } : null,
    updated_at: p.updatedAt, generation: { id: stableId('generation:cedar'), name: 'cedar' },
  };
}

export function couplingView(_state: FakeState, c: Coupling): Record<string, unknown> {
  return {
    app: { id: c.appId }, created_at: c.createdAt, id: c.id, pipeline: { id: c.pipelineId }, stage: c.stage,
    updated_at: c.updatedAt,
  };
}

export function promotionView(_state: FakeState, p: Promotion): Record<string, unknown> {
  return {
    created_at: p.createdAt, id: p.id, pipeline: { id: p.pipelineId },
    source: { app: { id: p.sourceAppId }, release: { id: p.sourceReleaseId } }, status: p.status,
    updated_at: p.updatedAt,
  };
}

export function promotionTargetView(p: Promotion, t: PromotionTarget): Record<string, unknown> {
  return {
    app: { id: t.appId }, error_message: t.errorMessage, id: t.id, pipeline_promotion: { id: p.id },
    release: t.releaseId ? { id: t.releaseId } : null, status: t.status,
  };
}

export function logSessionView(s: LogSession, baseUrl: string): Record<string, unknown> {
  return { created_at: s.createdAt, id: s.id, logplex_url: `${baseUrl}/__logplex/${s.token}`, updated_at: s.updatedAt };
}
