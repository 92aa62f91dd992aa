import type { ServerResponse } from 'node:http';
import { invalidParams, notFound } from '../http';
import type { RouteContext, Router } from '../router';
import { startTestRun } from '../state/ci';
import type { TestNode, TestRun } from '../state/types';
import { testNodeView, testRunView } from '../views/ci';
import { body, json, list, optBool, optString } from './helpers';
import { streamTimeline } from './stream';

function runById(ctx: RouteContext, id: string): TestRun {
  const r = ctx.state.testRuns.get(id.toLowerCase());
  if (!r) throw notFound('test run');
  return r;
}

function runsOf(ctx: RouteContext): TestRun[] {
  const p = ctx.state.pipeline(ctx.params.pipeline);
  return [...ctx.state.testRuns.values()].filter((r) => r.pipelineId === p.id);
}

function node(ctx: RouteContext): { run: TestRun; node: TestNode } {
  for (const run of ctx.state.testRuns.values()) {
    const n = run.nodes.find((x) => x.id === ctx.params.node.toLowerCase());
    if (n) return { run, node: n };
  }
  throw notFound('test node');
}

/** Heroku CI: test runs of a pipeline, their nodes, and the nodes' setup and test output (streamed text, no auth). */
export function ciRoutes(r: Router, streams: Set<ServerResponse>): void {
  r.get('/pipelines/:pipeline/test-runs', (ctx) => list(runsOf(ctx).map((x) => testRunView(ctx.state, x)), ['number', 'id']));
  r.get('/pipelines/:pipeline/test-runs/:number', (ctx) => {
    const hit = runsOf(ctx).find((x) => String(x.number) === ctx.params.number);
    if (!hit) throw notFound('test run');
    return json(testRunView(ctx.state, hit));
  });
  r.get('/test-runs/:id', (ctx) => json(testRunView(ctx.state, runById(ctx, ctx.params.id))));
  r.get('/test-runs/:id/test-nodes', (ctx) => {
    const run = runById(ctx, ctx.params.id);
    return list(run.nodes.map((n) => testNodeView(run, n, ctx.baseUrl)), ['id']);
  });
  r.post('/test-runs', (ctx) => {
    const b = body(ctx);
    const pipelineKey = optString(b, 'pipeline');
    if (!pipelineKey) throw invalidParams('pipeline is required.');
    const input = {
      commitBranch: optString(b, 'commit_branch'), commitMessage: optString(b, 'commit_message'), commitSha: optString(b, 'commit_sha'),
      sourceBlobUrl: optString(b, 'source_blob_url'),
    };
    for (const [k, v] of Object.entries(input)) if (!v) throw invalidParams(`${k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)} is required.`);
    const pipeline = ctx.state.pipeline(pipelineKey);
    const run = startTestRun(ctx.state, pipeline, { ...(input as Record<keyof typeof input, string>), debug: optBool(b, 'debug') ?? false },
      { outcome: ctx.state.testRunResult, start: ctx.state.clock(), stepMs: ctx.state.testRunStepMs });
    return json(testRunView(ctx.state, run), 201);
  });
  r.get('/__output/test-nodes/:node/setup', (ctx) => {
    const { node: n } = node(ctx);
    return streamTimeline(ctx.state, () => n.setup, streams, ctx.fault);
  }, { public: true });
  r.get('/__output/test-nodes/:node/output', (ctx) => {
    const { node: n } = node(ctx);
    return streamTimeline(ctx.state, () => n.output, streams, ctx.fault);
  }, { public: true });
}
