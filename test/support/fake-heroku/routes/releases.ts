import type { ServerResponse } from 'node:http';
import { invalidParams, notFound } from '../http';
import type { Router } from '../router';
import { createRelease } from '../state/mutations';
import { releaseView } from '../views/releases';
import { appForChange, appParam, body, json, list, optString } from './helpers';
import { streamTimeline } from './stream';
import { writeText } from './text';

/** Releases: list (Range on id or version), info (by id or version), create (deploy a slug or roll back). */
export function releaseRoutes(r: Router, streams: Set<ServerResponse>): void {
  r.get('/apps/:app/releases', (ctx) => {
    const app = appParam(ctx);
    return list(ctx.state.releasesOf(app.id).map((x) => releaseView(ctx.state, x, ctx.baseUrl)), ['id', 'version']);
  });
  r.get('/apps/:app/releases/:release', (ctx) => {
    const app = appParam(ctx);
    return json(releaseView(ctx.state, ctx.state.release(app.id, ctx.params.release), ctx.baseUrl));
  });
  r.post('/apps/:app/releases', (ctx) => {
    const b = body(ctx);
    const target = optString(b, 'release');
    const slug = optString(b, 'slug');
    const description = optString(b, 'description');
    if (target === undefined && slug === undefined) throw invalidParams('Specify release (to roll back) or slug (to deploy).');
    const app = appForChange(ctx);
    if (target !== undefined) {
      const old = ctx.state.release(app.id, target);
      if (old.status !== 'succeeded') throw invalidParams(`Release v${old.version} ${old.status === 'failed' ? 'failed' : 'is not complete'} and cannot be rolled back to.`);
      Object.keys(ctx.state.config(app.id)).forEach((k) => delete ctx.state.config(app.id)[k]);
      Object.assign(ctx.state.config(app.id), old.config);
      const rel = createRelease(ctx.state, app, `Rollback to v${old.version}`, { config: old.config, slugId: old.slugId });
      return json(releaseView(ctx.state, rel, ctx.baseUrl), 201);
    }
    const rel = createRelease(ctx.state, app, description ?? `Deploy ${slug!.slice(0, 8)}`, { slugId: slug });
    return json(releaseView(ctx.state, rel, ctx.baseUrl), 201);
  });
  // Release-phase output, plain text like Heroku's output_stream_url (no API auth: the URL is the credential).
  r.get('/__output/releases/:id', (ctx) => {
    const rel = ctx.state.releases.get(ctx.params.id.toLowerCase());
    if (!rel || !rel.output) throw notFound('release output');
    const { output, outputTimes } = rel;
    if (!outputTimes) return writeText(output.map((l) => `${l}\n`), ctx.fault);
    // A release phase that runs now: nothing to read before it starts, then the output grows until it ends.
    if (ctx.state.clock() < outputTimes[0]) throw notFound('release output');
    const timeline = () => ({ lines: output, times: outputTimes, done: rel.status !== 'pending' });
    return streamTimeline(ctx.state, timeline, streams, ctx.fault);
  }, { public: true });
}
