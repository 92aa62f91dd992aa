import { notFound } from '../http';
import type { RouteContext, Router } from '../router';
import { stableId } from '../state/ids';
import type { App, Release } from '../state/types';
import { appParam, json, list } from './helpers';
import { writeText } from './text';

/** Every release that ran a new slug came from a build; builds are derived from those releases. */
function buildsOf(ctx: RouteContext, app: App): Release[] {
  let prev: string | null = null;
  return ctx.state.releasesOf(app.id).filter((r) => {
    const fresh = r.slugId !== null && r.slugId !== prev && r.description.startsWith('Deploy ');
    prev = r.slugId ?? prev;
    return fresh;
  });
}

const buildId = (r: Release): string => stableId(`build:${r.id}`);
const commit = (r: Release): string => r.description.replace(/^Deploy /, '');

function view(ctx: RouteContext, app: App, r: Release): Record<string, unknown> {
  return {
    app: { id: app.id }, buildpacks: app.buildpacks.map((name) => ({ url: name, name })), created_at: r.createdAt, id: buildId(r),
    output_stream_url: `${ctx.baseUrl}/__output/builds/${buildId(r)}`,
    source_blob: { checksum: `SHA256:${stableId(`blob:${r.id}`).replace(/-/g, '')}`, url: `https://sources.example.com/${app.name}/${commit(r)}.tgz`, version: commit(r), version_description: `Deploy ${commit(r)}` },
    release: { id: r.id }, slug: r.slugId ? { id: r.slugId } : null, stack: app.stack, status: 'succeeded', updated_at: r.updatedAt,
    user: { id: ctx.state.account.id, email: ctx.state.account.email },
  };
}

function buildOutput(app: App, r: Release): string[] {
  const bp = app.buildpacks[0] ?? 'heroku/nodejs';
  return [
    `-----> Building on the Heroku-${app.stack.replace('heroku-', '')} stack`, `-----> Using buildpack: ${bp}`,
    `-----> Installing dependencies`, `       added 412 packages in 9s`, `-----> Build succeeded!`,
    `-----> Discovering process types`, `-----> Compressing...`, `       Done: 50M`,
    `-----> Launching...`, `       Released v${r.version}`, `       https://${app.name}.herokuapp.com/ deployed to Heroku`,
  ];
}

/** Builds (read-only): list, info and build output. */
export function buildRoutes(r: Router): void {
  r.get('/apps/:app/builds', (ctx) => {
    const app = appParam(ctx);
    return list(buildsOf(ctx, app).map((b) => view(ctx, app, b)), ['id', 'created_at']);
  });
  r.get('/apps/:app/builds/:build', (ctx) => {
    const app = appParam(ctx);
    const rel = buildsOf(ctx, app).find((b) => buildId(b) === ctx.params.build.toLowerCase());
    if (!rel) throw notFound('build');
    return json(view(ctx, app, rel));
  });
  r.get('/__output/builds/:id', (ctx) => {
    for (const app of ctx.state.apps.values()) {
      const rel = buildsOf(ctx, app).find((b) => buildId(b) === ctx.params.id.toLowerCase());
      if (rel) return writeText(buildOutput(app, rel).map((l) => `${l}\n`), ctx.fault);
    }
    throw notFound('build output');
  }, { public: true });
}
