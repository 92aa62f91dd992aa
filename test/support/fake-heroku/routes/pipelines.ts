import { invalidParams, notFound } from '../http';
import type { RouteContext, Router } from '../router';
import { newId } from '../state/ids';
import type { Promotion } from '../state/types';
import { checkTwoFactor } from '../protocol';
import { buildView, derivedBuilds, derivedBuildView } from '../views/builds';
import { pipelineView, promotionTargetView, promotionView } from '../views/pipelines';
import { releaseView } from '../views/releases';
import { body, json, list } from './helpers';

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

const DEPLOY = /^(Deploy|Promote|Rollback) /;

function appsOfPipeline(ctx: RouteContext): string[] {
  const p = ctx.state.pipeline(ctx.params.pipeline);
  return [...ctx.state.couplings.values()].filter((c) => c.pipelineId === p.id).map((c) => c.appId);
}

/** The app's newest build, made with the Build API or derived from a seeded deploy. */
function latestBuild(ctx: RouteContext, appId: string): Record<string, unknown> | undefined {
  const app = ctx.state.apps.get(appId);
  if (!app) return undefined;
  const real = ctx.state.appsOf(ctx.state.builds, appId).map((b) => buildView(ctx.state, b, ctx.baseUrl));
  const derived = derivedBuilds(ctx.state, app).map((x) => derivedBuildView(ctx.state, app, x, ctx.baseUrl));
  return [...derived, ...real].sort((a, b) => String(a.created_at).localeCompare(String(b.created_at))).pop();
}

/** Pipelines, latest releases, deployments and builds per app, promotions. */
export function pipelineRoutes(r: Router): void {
  r.get('/pipelines', (ctx) => list([...ctx.state.pipelines.values()].map((p) => pipelineView(ctx.state, p))));
  r.get('/pipelines/:pipeline', (ctx) => json(pipelineView(ctx.state, ctx.state.pipeline(ctx.params.pipeline))));
  r.get('/pipelines/:pipeline/latest-releases', (ctx) => {
    const rels = appsOfPipeline(ctx).map((id) => ctx.state.currentRelease(id)).filter((x) => x !== undefined);
    return list(rels.map((x) => releaseView(ctx.state, x, ctx.baseUrl)), ['id']);
  });
  // The newest release of each app that put code on it (a deploy, promotion or rollback), whatever its outcome.
  r.get('/pipelines/:pipeline/latest-deployments', (ctx) => {
    const rels = appsOfPipeline(ctx).map((id) => ctx.state.releasesOf(id).filter((x) => x.slugId !== null && DEPLOY.test(x.description)).pop())
      .filter((x) => x !== undefined);
    return list(rels.map((x) => releaseView(ctx.state, x, ctx.baseUrl)), ['id']);
  });
  r.get('/pipelines/:pipeline/latest-builds', (ctx) => {
    const builds = appsOfPipeline(ctx).map((id) => latestBuild(ctx, id)).filter((x) => x !== undefined);
    return list(builds, ['id']);
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
