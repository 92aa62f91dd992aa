import { createHash } from 'node:crypto';
import { newId } from './ids';
import { createRelease, reconcileDynos } from './mutations';
import type { FakeState } from './store';
import type { App, Pipeline, ReviewApp } from './types';

export interface ReviewAppInput {
  branch: string;
  prNumber: number | null;
  version: string | null;
  forkRepoId: number | null;
  environment: Record<string, string>;
}

/** `acme-web-pr-142`, or `acme-web-feature-x-1a2b` without a PR: a valid, free app name of at most 30 characters. */
export function reviewAppName(state: FakeState, pipeline: Pipeline, input: ReviewAppInput): string {
  const taken = (n: string): boolean => [...state.apps.values()].some((a) => a.name === n);
  const base = input.prNumber !== null ? `${pipeline.name}-pr-${input.prNumber}` : `${pipeline.name}-${input.branch.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  const clean = (s: string): string => s.replace(/^[^a-z]+/, 'r').replace(/-+$/, '').slice(0, 30).replace(/-+$/, '');
  let name = clean(base);
  for (let i = 0; taken(name) || name.length < 3; i++) name = clean(`${base.slice(0, 25)}-${createHash('sha1').update(`${base}${i}`).digest('hex').slice(0, 4)}`);
  return name;
}

/** A new app with a web dyno, as review apps and app setups make them. */
export function createApp(state: FakeState, name: string, owner: { teamId: string | null }, config: Record<string, string>): App {
  const at = state.now();
  const app: App = {
    id: newId(), name, teamId: owner.teamId, spaceId: null, region: 'us', stack: 'heroku-24', maintenance: false,
    requireTwoFactor: false, releasedAt: null, buildpacks: ['heroku/nodejs'], locked: false, repoSize: null, slugSize: null,
    acm: false, createdAt: at, updatedAt: at,
  };
  state.apps.set(app.id, app);
  Object.assign(state.config(app.id), config);
  state.features.set(app.id, new Set());
  const fid = newId();
  state.formation.set(fid, { id: fid, appId: app.id, type: 'web', quantity: 1, size: 'basic', command: 'npm start', createdAt: at, updatedAt: at });
  const did = newId();
  state.domains.set(did, { id: did, appId: app.id, hostname: `${name}-${app.id.replace(/-/g, '').slice(0, 12)}.herokuapp.com`, kind: 'heroku', cname: null, status: 'succeeded', createdAt: at, updatedAt: at });
  createRelease(state, app, 'Initial release', { slugId: null });
  return app;
}

/** Seeds fix the id and when it moves on (clock ms); otherwise a third of `reviewAppMs` and all of it from now. */
export interface ReviewAppTiming {
  id?: string;
  createdAt?: string;
  creatingAt?: number;
  createdAtMs?: number;
}

/**
 * A review app for a branch: `pending`, then `creating` (its app exists, in the pipeline's review stage), then
 * `created` once its code is deployed, `state.reviewAppMs` after the request.
 */
export function startReviewApp(state: FakeState, pipeline: Pipeline, input: ReviewAppInput, timing: ReviewAppTiming = {}): ReviewApp {
  const at = timing.createdAt ?? state.now();
  const ra: ReviewApp = {
    id: timing.id ?? newId(), pipelineId: pipeline.id, appId: null, branch: input.branch, prNumber: input.prNumber, status: 'pending',
    creatorEmail: state.account.email, forkRepoId: input.forkRepoId, waitForCi: false, errorStatus: null, message: null,
    createdAt: at, updatedAt: at,
  };
  state.reviewApps.set(ra.id, ra);
  const t = state.clock();
  state.schedule(timing.creatingAt ?? t + state.reviewAppMs / 3, () => {
    if (ra.status !== 'pending') return;
    const app = createApp(state, reviewAppName(state, pipeline, input), { teamId: pipeline.teamId }, input.environment);
    const cid = newId();
    state.couplings.set(cid, { id: cid, pipelineId: pipeline.id, appId: app.id, stage: 'review', createdAt: state.now(), updatedAt: state.now() });
    Object.assign(ra, { appId: app.id, status: 'creating', updatedAt: state.now() });
  });
  state.schedule(timing.createdAtMs ?? t + state.reviewAppMs, () => {
    const app = ra.appId ? state.apps.get(ra.appId) : undefined;
    if (ra.status !== 'creating' || !app) return;
    const slug = deploySlug(state, app, input.version, `Review app for ${input.branch}`);
    createRelease(state, app, `Deploy ${(input.version ?? slug).slice(0, 8)}`, { slugId: slug });
    reconcileDynos(state, app.id, 'web');
    Object.assign(ra, { status: 'created', updatedAt: state.now() });
  });
  return ra;
}

function deploySlug(state: FakeState, app: App, version: string | null, description: string): string {
  const id = newId();
  const at = state.now();
  state.slugs.set(id, {
    id, appId: app.id, commit: version, commitDescription: description, processTypes: { web: 'npm start' }, size: 48_000_000,
    stack: app.stack, buildpackDescription: 'Node.js', checksum: null, createdAt: at, updatedAt: at,
  });
  return id;
}

/** Deleting a review app deletes its app (and so its coupling); the record says `deleted`. */
export function deleteReviewApp(state: FakeState, ra: ReviewApp): void {
  if (ra.appId) state.deleteApp(ra.appId);
  ra.status = 'deleted';
  ra.updatedAt = state.now();
}
