import { createHash } from 'node:crypto';
import { planBuildpackBuild, planContainerBuild } from '../build/detect';
import { failedPlan, megabytes, type BuildPlan } from '../build/plan';
import { releasePhaseFails, releasePhaseOutput } from '../build/release-phase';
import { unpackSource } from '../build/unpack';
import { webUrl } from '../views/apps';
import { newId } from './ids';
import { activateRelease, applyProcessTypes, createRelease } from './mutations';
import type { FakeState } from './store';
import { addSteps, emptyTimeline } from './timeline';
import type { App, Build, Release, Slug } from './types';

export interface BuildInput {
  url: string;
  version: string | null;
  versionDescription: string | null;
  checksum: string | null;
  buildpacks: string[];
  /** The source's bytes, or why they could not be had. */
  blob: { ok: true; data: Buffer } | { ok: false; error: string };
}

function plan(app: App, input: BuildInput): BuildPlan {
  if (!input.blob.ok) return failedPlan([` !     Unable to fetch source from ${input.url}: ${input.blob.error}`, ' !     Push failed']);
  if (input.checksum !== null) {
    const actual = `SHA256:${createHash('sha256').update(input.blob.data).digest('hex')}`;
    if (actual.toLowerCase() !== input.checksum.toLowerCase()) {
      return failedPlan([` !     The source's checksum ${actual} does not match the expected ${input.checksum}.`, ' !     Push failed']);
    }
  }
  const src = unpackSource(input.blob.data);
  if (!src.ok) return failedPlan([` !     Unable to extract the source: ${src.error}.`, ' !     Push failed']);
  return app.stack === 'container' ? planContainerBuild(src.files, app.name) : planBuildpackBuild(src.files, input.buildpacks);
}

/**
 * Starts a build: its output appears step by step (`state.buildStepMs` apart) and at `Launching...` it finishes,
 * lazily (state.settle()): a slug and a release "Deploy <sha>", or `failed` with the buildpack's message.
 */
export function startBuild(state: FakeState, app: App, input: BuildInput): Build {
  const at = state.now();
  const p = plan(app, input);
  const b: Build = {
    id: newId(), appId: app.id, stack: app.stack, status: 'pending', output: emptyTimeline(), releaseId: null, slugId: null,
    sourceBlob: { url: input.url, version: input.version, versionDescription: input.versionDescription, checksum: input.checksum },
    buildpacks: input.buildpacks.map((x) => ({ url: x, name: x })), createdAt: at, updatedAt: at,
  };
  state.builds.set(b.id, b);
  const step = state.buildStepMs;
  const header = app.stack === 'container' ? [] : [`-----> Building on the ${app.stack.replace(/^heroku-/, 'Heroku-')} stack`];
  const end = addSteps(b.output, state.clock(), step, [...header, ...p.steps]);
  state.emitLog(app.id, 'app', 'api', `Build started by user ${state.account.email}`);
  state.schedule(end, () => (p.ok ? finishBuild(state, b, p, end) : failBuild(state, b)));
  return b;
}

function failBuild(state: FakeState, b: Build): void {
  b.status = 'failed';
  b.output.done = true;
  b.updatedAt = state.now();
  const app = state.apps.get(b.appId);
  if (app) state.emitLog(app.id, 'app', 'api', `Build failed -- check your build output: https://dashboard.heroku.com/apps/${app.id}/activity/builds/${b.id}`);
}

/** At `end` (when the build's own steps are done, however late settle() gets to it) the slug and release are made. */
function finishBuild(state: FakeState, b: Build, p: BuildPlan, end: number): void {
  const app = state.apps.get(b.appId);
  if (!app) return failBuild(state, b);
  const step = state.buildStepMs;
  const slug = p.container ? undefined : makeSlug(state, app, b, p);
  const lines: (string | readonly [string, number])[] = slug ? ['-----> Compressing...', [`       Done: ${megabytes(slug.size ?? 0)}`, 2]] : [];
  let at = addSteps(b.output, end, step, [...lines, '-----> Launching...']);
  const version = b.sourceBlob.version ?? b.id;
  const description = `Deploy ${version.slice(0, 8)}`;
  const phase = p.releaseCommand;
  const rel = createRelease(state, app, description, {
    slugId: slug?.id ?? null, status: phase ? 'pending' : 'succeeded', output: null, config: state.config(app.id),
  });
  rel.buildId = b.id;
  if (!phase) applyProcessTypes(state, app, p.processTypes);
  at = addSteps(b.output, at, step, [
    ...(phase ? [' !     Release command declared: this new release will not be available until the command succeeds.'] : []),
    `       Released v${rel.version}`, `       ${webUrl(app)} deployed to Heroku`, '',
  ]);
  b.status = 'succeeded';
  b.releaseId = rel.id;
  b.slugId = slug?.id ?? null;
  b.updatedAt = state.now();
  b.output.done = true;
  if (phase) startReleasePhase(state, app, rel, phase, at, p.processTypes);
}

function makeSlug(state: FakeState, app: App, b: Build, p: BuildPlan): Slug {
  const at = state.now();
  const slug: Slug = {
    id: newId(), appId: app.id, commit: b.sourceBlob.version, commitDescription: b.sourceBlob.versionDescription,
    processTypes: p.processTypes, size: p.slugSize, stack: app.stack, buildpackDescription: p.buildpackDescription,
    checksum: `SHA256:${createHash('sha256').update(`${b.id}`).digest('hex')}`, createdAt: at, updatedAt: at,
  };
  state.slugs.set(slug.id, slug);
  app.slugSize = slug.size;
  return slug;
}

/**
 * The release phase of a pending release: its output URL is 404 until `start`, then grows one line each
 * `state.releasePhaseStepMs`; at the end the release succeeds (and becomes current) or fails.
 */
export function startReleasePhase(state: FakeState, app: App, rel: Release, command: string, start: number, types: Record<string, string> = {}): void {
  const fails = releasePhaseFails(command, app, state.releasePhaseFailures);
  const lines = releasePhaseOutput(command, fails);
  const step = state.releasePhaseStepMs;
  rel.output = lines;
  rel.outputTimes = lines.map((_, i) => start + i * step);
  rel.phaseEndsAt = start + lines.length * step;
  rel.phaseFails = fails;
  const dyno = `release.${1000 + (rel.version * 7919) % 9000}`;
  state.schedule(start, () => {
    state.emitLog(app.id, 'heroku', dyno, `Starting process with command \`${command}\``);
    state.emitLog(app.id, 'heroku', dyno, 'State changed from starting to up');
  });
  state.schedule(rel.phaseEndsAt, () => {
    rel.status = fails ? 'failed' : 'succeeded';
    rel.updatedAt = state.now();
    state.emitLog(app.id, 'heroku', dyno, `Process exited with status ${fails ? 1 : 0}`);
    state.emitLog(app.id, 'heroku', dyno, 'State changed from up to complete');
    if (fails || !state.apps.has(app.id)) return;
    applyProcessTypes(state, app, types);
    activateRelease(state, app, rel);
  });
}
