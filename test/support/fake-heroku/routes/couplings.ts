import { invalidParams, notFound } from '../http';
import { checkTwoFactor } from '../protocol';
import type { RouteContext, Router } from '../router';
import { newId } from '../state/ids';
import type { Coupling, Stage } from '../state/types';
import { couplingView } from '../views/pipelines';
import { appParam, body, json, list, optString } from './helpers';

const STAGES: readonly Stage[] = ['test', 'review', 'development', 'staging', 'production'];

function stageOf(b: Record<string, unknown>): Stage {
  const s = optString(b, 'stage');
  if (!s || !STAGES.includes(s as Stage)) throw invalidParams(`stage must be one of ${STAGES.join(', ')}.`);
  return s as Stage;
}

function coupling(ctx: RouteContext): Coupling {
  const c = ctx.state.couplings.get(ctx.params.coupling.toLowerCase());
  if (!c) throw notFound('pipeline coupling');
  return c;
}

/** A change to a coupling is a change to its app: two-factor where the app needs it. */
function forChange(ctx: RouteContext, appId: string): void {
  const app = ctx.state.apps.get(appId);
  if (app) checkTwoFactor(ctx.req.headers, app.requireTwoFactor, ctx.state.account.twoFactorCode);
}

/** Pipeline couplings (an app in a stage): lists, info, add an app, move it to another stage, remove it. */
export function couplingRoutes(r: Router): void {
  const couplings = (ctx: RouteContext) => [...ctx.state.couplings.values()];
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
  r.get('/pipeline-couplings/:coupling', (ctx) => json(couplingView(ctx.state, coupling(ctx))));
  r.get('/apps/:app/pipeline-couplings', (ctx) => {
    const c = ctx.state.couplingOf(appParam(ctx).id);
    if (!c) throw notFound('pipeline coupling');
    return json(couplingView(ctx.state, c));
  });
  r.post('/pipeline-couplings', (ctx) => {
    const b = body(ctx);
    const appKey = optString(b, 'app');
    const pipelineKey = optString(b, 'pipeline');
    if (!appKey || !pipelineKey) throw invalidParams('app and pipeline are required.');
    const stage = stageOf(b);
    const app = ctx.state.app(appKey);
    const pipeline = ctx.state.pipeline(pipelineKey);
    forChange(ctx, app.id);
    if (ctx.state.couplingOf(app.id)) throw invalidParams(`${app.name} is already in a pipeline.`);
    const at = ctx.state.now();
    const c: Coupling = { id: newId(), pipelineId: pipeline.id, appId: app.id, stage, createdAt: at, updatedAt: at };
    ctx.state.couplings.set(c.id, c);
    return json(couplingView(ctx.state, c), 201);
  });
  r.patch('/pipeline-couplings/:coupling', (ctx) => {
    const stage = stageOf(body(ctx));
    const c = coupling(ctx);
    forChange(ctx, c.appId);
    c.stage = stage;
    c.updatedAt = ctx.state.now();
    return json(couplingView(ctx.state, c));
  });
  r.delete('/pipeline-couplings/:coupling', (ctx) => {
    const c = coupling(ctx);
    forChange(ctx, c.appId);
    ctx.state.couplings.delete(c.id);
    return json(couplingView(ctx.state, c));
  });
}
