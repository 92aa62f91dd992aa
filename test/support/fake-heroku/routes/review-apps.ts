import { invalidParams, notFound } from '../http';
import type { RouteContext, Router } from '../router';
import { deleteReviewApp, startReviewApp } from '../state/review-apps';
import type { ReviewApp } from '../state/types';
import { reviewAppView } from '../views/ci';
import { appParam, body, json, list, optInt, optString } from './helpers';

function reviewApp(ctx: RouteContext): ReviewApp {
  const ra = ctx.state.reviewApps.get(ctx.params.id.toLowerCase());
  if (!ra) throw notFound('review app');
  return ra;
}

function environment(v: unknown): Record<string, string> {
  if (v === undefined || v === null) return {};
  if (typeof v !== 'object' || Array.isArray(v) || Object.values(v).some((x) => typeof x !== 'string')) {
    throw invalidParams('environment must map config var names to strings.');
  }
  return { ...(v as Record<string, string>) };
}

/** Review apps: per pipeline, per app, create (from a branch's source blob) and delete. */
export function reviewAppRoutes(r: Router): void {
  r.get('/pipelines/:pipeline/review-apps', (ctx) => {
    const p = ctx.state.pipeline(ctx.params.pipeline);
    const all = [...ctx.state.reviewApps.values()].filter((x) => x.pipelineId === p.id && x.status !== 'deleted');
    return list(all.map((x) => reviewAppView(ctx.state, x)), ['id']);
  });
  r.get('/review-apps/:id', (ctx) => json(reviewAppView(ctx.state, reviewApp(ctx))));
  r.get('/apps/:app/review-app', (ctx) => {
    const app = appParam(ctx);
    const hit = [...ctx.state.reviewApps.values()].find((x) => x.appId === app.id);
    if (!hit) throw notFound('review app');
    return json(reviewAppView(ctx.state, hit));
  });
  r.post('/review-apps', (ctx) => {
    const b = body(ctx);
    const branch = optString(b, 'branch');
    const pipelineId = optString(b, 'pipeline');
    const sb = (b.source_blob ?? null) as Record<string, unknown> | null;
    if (!branch) throw invalidParams('branch is required.');
    if (!pipelineId) throw invalidParams('pipeline is required.');
    if (!sb || typeof sb !== 'object' || !optString(sb, 'url')) throw invalidParams('source_blob.url is required.');
    const pipeline = ctx.state.pipeline(pipelineId);
    const ra = startReviewApp(ctx.state, pipeline, {
      branch, prNumber: optInt(b, 'pr_number', 1) ?? null, version: optString(sb, 'version') ?? null,
      forkRepoId: optInt(b, 'fork_repo_id', 0) ?? null, environment: environment(b.environment),
    });
    return json(reviewAppView(ctx.state, ra), 201);
  });
  r.delete('/review-apps/:id', (ctx) => {
    const ra = reviewApp(ctx);
    if (ra.status === 'deleted') throw notFound('review app');
    const view = reviewAppView(ctx.state, ra, 'deleting');
    deleteReviewApp(ctx.state, ra);
    return json(view);
  });
}
