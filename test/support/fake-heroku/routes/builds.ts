import type { ServerResponse } from 'node:http';
import { invalidParams, notFound } from '../http';
import type { RouteContext, Router } from '../router';
import { startBuild, type BuildInput } from '../state/builds';
import type { App, Build } from '../state/types';
import { buildView, derivedBuildId, derivedBuildOutput, derivedBuilds, derivedBuildView, slugView } from '../views/builds';
import { appForChange, appParam, body, json, list, optString } from './helpers';
import { blobOf } from './sources';
import { streamTimeline } from './stream';
import { writeText } from './text';

function buildsOf(ctx: RouteContext, app: App): Record<string, unknown>[] {
  const derived = derivedBuilds(ctx.state, app).map((r) => derivedBuildView(ctx.state, app, r, ctx.baseUrl));
  const real = ctx.state.appsOf(ctx.state.builds, app.id).map((b) => buildView(ctx.state, b, ctx.baseUrl));
  return [...derived, ...real].sort((a, b) => String(a.created_at).localeCompare(String(b.created_at)));
}

function buildpacksOf(b: Record<string, unknown>, app: App): string[] {
  if (b.buildpacks === undefined || b.buildpacks === null) return app.buildpacks;
  if (!Array.isArray(b.buildpacks)) throw invalidParams('buildpacks must be an array of {url} or {name}.');
  return b.buildpacks.map((x) => {
    const v = (x as { url?: unknown; name?: unknown } | null) ?? {};
    const s = typeof v.url === 'string' ? v.url : v.name;
    if (typeof s !== 'string' || s === '') throw invalidParams('Each buildpack needs a url or a name.');
    return s;
  });
}

function input(ctx: RouteContext, app: App): BuildInput {
  const sb = (body(ctx).source_blob ?? null) as Record<string, unknown> | null;
  if (sb === null || typeof sb !== 'object') throw invalidParams('source_blob is required.');
  const url = optString(sb, 'url');
  if (!url) throw invalidParams('source_blob.url is required.');
  return {
    url, version: optString(sb, 'version') ?? null, versionDescription: optString(sb, 'version_description') ?? null,
    checksum: optString(sb, 'checksum') ?? null, buildpacks: buildpacksOf(body(ctx), app), blob: blobOf(ctx, url),
  };
}

/** Builds: create (from an uploaded source blob), list, info, streamed output; slugs. */
export function buildRoutes(r: Router, streams: Set<ServerResponse>): void {
  r.post('/apps/:app/builds', (ctx) => {
    const app = appParam(ctx);
    const given = input(ctx, app);
    return json(buildView(ctx.state, startBuild(ctx.state, appForChange(ctx), given), ctx.baseUrl), 201);
  });
  r.get('/apps/:app/builds', (ctx) => list(buildsOf(ctx, appParam(ctx)), ['id', 'created_at']));
  r.get('/apps/:app/builds/:build', (ctx) => {
    const hit = buildsOf(ctx, appParam(ctx)).find((b) => b.id === ctx.params.build.toLowerCase());
    if (!hit) throw notFound('build');
    return json(hit);
  });
  r.get('/apps/:app/slugs/:slug', (ctx) => json(slugView(ctx.state.slug(appParam(ctx).id, ctx.params.slug), ctx.baseUrl)));
  // Build output, plain text like Heroku's output_stream_url (no API auth: the URL is the credential).
  r.get('/__output/builds/:id', (ctx) => {
    const id = ctx.params.id.toLowerCase();
    const real: Build | undefined = ctx.state.builds.get(id);
    if (real) return streamTimeline(ctx.state, () => real.output, streams, ctx.fault);
    for (const app of ctx.state.apps.values()) {
      const rel = derivedBuilds(ctx.state, app).find((b) => derivedBuildId(b) === id);
      if (rel) return writeText(derivedBuildOutput(app, rel).map((l) => `${l}\n`), ctx.fault);
    }
    throw notFound('build output');
  }, { public: true });
}
