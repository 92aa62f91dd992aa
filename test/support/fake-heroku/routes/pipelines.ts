import { invalidParams, notFound } from '../http';
import type { RouteContext, Router } from '../router';
import { newId } from '../state/ids';
import type { Promotion } from '../state/types';
import { checkTwoFactor } from '../protocol';
import { couplingView, pipelineView, promotionTargetView, promotionView } from '../views/pipelines';
import { releaseView } from '../views/releases';
import { appParam, body, json, list } from './helpers';

function idOf(v: unknown, what: string): string {
  const id = (v as { id?: unknown } | null | undefined)?.id;
  if (typeof id !== 'string' || id === '') throw invalidParams(`${what}.id is required.`);
  return id;
}

function promotion(ctx: RouteContext): Promotion {
  const p = ctx.state.promotions.get(ctx.params.promotion.toLowerCase());
  if (!p) throw notFound('pipeline promotion');
  return p;
}

/** Pipelines, couplings (stages), latest releases and promotions. */
export function pipelineRoutes(r: Router): void {
  const couplings = (ctx: RouteContext) => [...ctx.state.couplings.values()];
  r.get('/pipelines', (ctx) => list([...ctx.state.pipelines.values()].map((p) => pipelineView(ctx.state, p))));
  r.get('/pipelines/:pipeline', (ctx) => json(pipelineView(ctx.state, ctx.state.pipeline(ctx.params.pipeline))));
  r.get('/pipelines/:pipeline/pipeline-couplings', (ctx) => {
    const p = ctx.state.pipeline(ctx.params.pipeline);
    return list(couplings(ctx).filter((c) => c.pipelineId === p.id).map((c) => couplingView(ctx.state, c)), ['id']);
  });
  r.get('/pipeline-couplings', (ctx) => list(couplings(ctx).map((c) => couplingView(ctx.state, c)), ['id']));
  r.get('/users/~/pipeline-couplings', (ctx) => list(couplings(ctx).map((c) => couplingView(ctx.state, c)), ['id']));
  r.get('/teams/:team/pipeline-couplings', (ctx) => {
    const team = ctx.state.team(ctx.params.team);
    const ids = new Set([...ctx.state.pipelines.values()].filter((p) => p.teamId === team.id).map((p) => p.id));
    return list(couplings(ctx).filter((c) => ids.has(c.pipelineId)).map((c) => couplingView(ctx.state, c)), ['id']);
  });
  r.get('/pipeline-couplings/:coupling', (ctx) => {
    const c = ctx.state.couplings.get(ctx.params.coupling.toLowerCase());
    if (!c) throw notFound('pipeline coupling');
    return json(couplingView(ctx.state, c));
  });
  r.get('/apps/:app/pipeline-couplings', (ctx) => {
    const c = ctx.state.couplingOf(appParam(ctx).id);
    if (!c) throw notFound('pipeline coupling');
    return json(couplingView(ctx.state, c));
  });
  r.get('/pipelines/:pipeline/latest-releases', (ctx) => {
    const p = ctx.state.pipeline(ctx.params.pipeline);
    const rels = couplings(ctx).filter((c) => c.pipelineId === p.id)
      .map((c) => ctx.state.currentRelease(c.appId)).filter((x) => x !== undefined);
    return list(rels.map((x) => releaseView(ctx.state, x, ctx.baseUrl)), ['id']);
  });
  r.post('/pipeline-promotions', (ctx) => {
    const b = body(ctx);
    const pipeline = ctx.state.pipeline(idOf(b.pipeline, 'pipeline'));
    const source = ctx.state.app(idOf((b.source as { app?: unknown } | undefined)?.app, 'source.app'));
    if (!Array.isArray(b.targets) || b.targets.length === 0) throw invalidParams('targets must be a non-empty array.');
    const targets = (b.targets as unknown[]).map((t) => ctx.state.app(idOf((t as { app?: unknown } | null)?.app, 'targets[].app')));
    for (const a of [source, ...targets]) {
      if (ctx.state.couplingOf(a.id)?.pipelineId !== pipeline.id) throw invalidParams(`${a.name} is not in pipeline ${pipeline.name}.`);
    }
    for (const t of targets) checkTwoFactor(ctx.req.headers, t.requireTwoFactor, ctx.state.account.twoFactorCode);
    const wanted = (b.source as { release?: unknown }).release;
    const rel = wanted === undefined || wanted === null
      ? ctx.state.currentRelease(source.id)
      : ctx.state.release(source.id, idOf(wanted, 'source.release'));
    if (!rel || rel.status !== 'succeeded') throw invalidParams(`${source.name} has no succeeded release to promote.`);
    const at = ctx.state.now();
    const p: Promotion = {
      id: newId(), pipelineId: pipeline.id, sourceAppId: source.id, sourceReleaseId: rel.id, status: 'pending',
      targets: targets.map((t) => ({ id: newId(), appId: t.id, releaseId: null, status: 'pending', errorMessage: null })),
      dueAt: ctx.state.clock() + ctx.state.promotionMs, createdAt: at, updatedAt: at,
    };
    ctx.state.promotions.set(p.id, p);
    return json(promotionView(ctx.state, p), 201);
  });
  r.get('/pipeline-promotions/:promotion', (ctx) => json(promotionView(ctx.state, promotion(ctx))));
  r.get('/pipeline-promotions/:promotion/promotion-targets', (ctx) => {
    const p = promotion(ctx);
    return list(p.targets.map((t) => promotionTargetView(p, t)), ['id']);
  });
}
