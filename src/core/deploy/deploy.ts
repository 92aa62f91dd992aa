// The deploy use-case: plan and pack the folder, upload it, create the build, follow its output, then the
// release (and its release phase), and end with the new release or the failing step explained. Every step is
// reported as a DeployEvent; the caller's tracker (steps.ts) turns them into what each view shows.
import { describeHerokuError, type HerokuError } from '../heroku/result';
import type { Build, Release } from '../heroku/types';
import { explainNoWeb } from './explain';
import { followStream } from './follow';
import { describeProblems, planPack, type PackPlan } from './pack-plan';
import type { DeployPorts, PackedSource } from './ports';
import type { DeployEvent } from './steps';
import { sourceVersion } from './version';

export interface DeployInput {
  app: string;
  /** Absolute path of the folder to deploy. */
  folder: string;
  signal?: AbortSignal;
  /** How often the build and release are polled once their output ended (ms). */
  pollMs?: number;
  /** Wait before reopening a dropped stream, or polling a release stream that is not there yet (ms). */
  retryMs?: number;
}

export interface DeployResult {
  plan?: PackPlan;
  build?: Build;
  release?: Release;
}

class Stop extends Error {}

/** Runs the deploy; never throws for API, network, packing or stream failures (they are `failed` events). */
export async function runDeploy(ports: DeployPorts, input: DeployInput, emit: (e: DeployEvent) => void): Promise<DeployResult> {
  const { api, clock } = ports;
  const { app, signal } = input;
  const pollMs = input.pollMs ?? 1000;
  const result: DeployResult = {};
  let packed: PackedSource | undefined;
  const cancelled = (note?: string) => { emit({ type: 'cancelled', note }); return new Stop(); };
  const check = (note?: string) => { if (signal?.aborted) throw cancelled(note); };
  const failApi = (step: 'upload' | 'build' | 'release', doing: string, e: HerokuError) => {
    if (e.id === 'cancelled') return cancelled();
    emit({ type: 'failed', step, message: `Could not ${doing}: ${describeHerokuError(e)}` });
    return new Stop();
  };
  try {
    // ---- pack
    emit({ type: 'step', step: 'pack', status: 'running', detail: 'Reading the folder…' });
    const outer = await ports.git.outerIgnores(input.folder);
    const plan = await planPack(ports.tree(input.folder), { outer });
    result.plan = plan;
    check();
    if (plan.problems.length > 0) {
      emit({ type: 'failed', step: 'pack', message: describeProblems(plan.problems) });
      return result;
    }
    if (plan.entries.length === 0) {
      emit({ type: 'failed', step: 'pack', message: 'Nothing to deploy: every file of the folder is ignored by .gitignore (or it is empty).' });
      return result;
    }
    if (plan.neverPacked.length) emit({ type: 'note', text: `Never uploaded: ${plan.neverPacked.slice(0, 5).join(', ')}${plan.neverPacked.length > 5 ? ', …' : ''}.` });
    const version = sourceVersion(await ports.git.state(input.folder));
    if (version.note) emit({ type: 'note', text: version.note });
    const p = await ports.packer.pack(input.folder, plan.entries, signal);
    check();
    if (!p.ok) {
      emit({ type: 'failed', step: 'pack', message: p.message });
      return result;
    }
    packed = p.value;
    const links = plan.symlinks ? `, ${plan.symlinks} symlink${plan.symlinks === 1 ? '' : 's'}` : '';
    emit({ type: 'step', step: 'pack', status: 'done', detail: `${plan.entries.length} entries${links}, ${formatBytes(packed.bytes)} gzipped` });

    // ---- upload
    emit({ type: 'step', step: 'upload', status: 'running', detail: formatBytes(packed.bytes) });
    const source = await api.createSource(app, signal);
    if (!source.ok) throw failApi('upload', `get an upload URL for ${app}`, source.error);
    check();
    const up = await ports.uploader.upload(source.value.source_blob.put_url, packed,
      (done, total) => emit({ type: 'progress', step: 'upload', done, total }), signal);
    if (!up.ok) {
      if (up.cancelled || signal?.aborted) throw cancelled('The upload stopped; no build was created.');
      emit({ type: 'failed', step: 'upload', message: `The upload failed: ${up.message}` });
      return result;
    }
    check('The source was uploaded; no build was created.');
    emit({ type: 'step', step: 'upload', status: 'done', detail: formatBytes(packed.bytes) });

    // ---- build
    const created = await api.createBuild(app, {
      source_blob: { url: source.value.source_blob.get_url, version: version.version, version_description: version.description, checksum: packed.checksum },
    }, signal);
    if (!created.ok) throw failApi('build', `start a build of ${app}`, created.error);
    let build = created.value;
    result.build = build;
    emit({ type: 'step', step: 'build', status: 'running', detail: `build ${build.id.slice(0, 8)}` });
    await followStream(ports.streams, clock, build.output_stream_url ?? '', {
      signal, what: 'build output', retryMs: input.retryMs,
      onText: (text) => emit({ type: 'output', step: 'build', text }),
      onNote: (text) => emit({ type: 'note', text }),
    });
    if (signal?.aborted) throw cancelled(await cancelBuild(ports, app, build.id));
    build = await settle(() => api.build(app, build.id, signal), (b) => b.status !== 'pending', clock, pollMs, signal,
      (e) => failApi('build', 'read the build', e));
    result.build = build;
    if (build.status === 'failed') {
      emit({ type: 'failed', step: 'build', message: `The build of ${app} failed.` });
      return result;
    }
    emit({ type: 'step', step: 'build', status: 'done', detail: build.slug ? `slug ${build.slug.id.slice(0, 8)}` : undefined });

    // ---- release (and its release phase)
    const releaseRef = build.release ?? (await settle(() => api.build(app, build.id, signal), (b) => b.release !== null, clock, pollMs, signal,
      (e) => failApi('release', 'read the build', e), 30)).release;
    if (!releaseRef) {
      emit({ type: 'failed', step: 'release', message: 'The build succeeded but Heroku created no release for it.' });
      return result;
    }
    let release = await settle(() => api.release(app, releaseRef.id, signal), () => true, clock, pollMs, signal, (e) => failApi('release', 'read the release', e));
    emit({ type: 'step', step: 'release', status: 'running', detail: `v${release.version}` });
    if (release.output_stream_url) {
      const phase = await followStream(ports.streams, clock, release.output_stream_url, {
        signal, what: 'release phase output', retryMs: input.retryMs,
        onText: (text) => emit({ type: 'output', step: 'release', text }),
        onNote: (text) => emit({ type: 'note', text }),
        waitWhileMissing: async () => {
          const r = await api.release(app, releaseRef.id, signal);
          return r.ok ? r.value.status === 'pending' : r.error.status !== 404 && r.error.id !== 'cancelled';
        },
      });
      if (phase === 'cancelled') throw cancelled('The release goes on at Heroku; stopped watching it.');
    }
    release = await settle(() => api.release(app, releaseRef.id, signal), (r) => r.status !== 'pending', clock, pollMs, signal,
      (e) => failApi('release', 'read the release', e));
    result.release = release;
    if (release.status === 'failed' || release.status === 'expired') {
      emit({ type: 'failed', step: 'release', message: `Release v${release.version} of ${app} failed${release.output_stream_url ? ' in the release phase' : ''}.` });
      return result;
    }
    emit({ type: 'step', step: 'release', status: 'done', detail: `v${release.version}` });
    const [info, slug] = await Promise.all([api.app(app, signal), build.slug ? api.slug(app, build.slug.id, signal) : undefined]);
    const noWeb = slug?.ok ? explainNoWeb(Object.keys(slug.value.process_types ?? {})) : undefined;
    if (noWeb) emit({ type: 'note', text: `${noWeb.title} ${noWeb.detail} (${noWeb.docs})` });
    emit({ type: 'succeeded', release: { id: release.id, version: release.version }, webUrl: info.ok ? info.value.web_url ?? null : null, buildId: build.id });
    return result;
  } catch (err) {
    if (err instanceof Stop) return result;
    throw err;
  } finally {
    await packed?.dispose().catch(() => undefined);
  }
}

/** Polls `read` until `done` (or `max` reads); a failed read ends the deploy through `fail`. */
async function settle<T>(read: () => Promise<import('../heroku/result').Result<T>>, done: (v: T) => boolean, clock: DeployPorts['clock'],
  pollMs: number, signal: AbortSignal | undefined, fail: (e: HerokuError) => Error, max = 3600): Promise<T> {
  for (let i = 0; ; i++) {
    const r = await read();
    if (!r.ok) throw fail(r.error);
    if (done(r.value) || i >= max) return r.value;
    await clock.sleep(pollMs, signal).catch(() => undefined);
    if (signal?.aborted) throw fail({ id: 'cancelled', message: 'cancelled', status: 0, method: 'GET', path: '' });
  }
}

async function cancelBuild(ports: DeployPorts, app: string, id: string): Promise<string> {
  const r = await ports.api.cancelBuild(app, id);
  return r.ok ? 'The build was cancelled at Heroku.' : `Stopped watching; the build may go on at Heroku (cancelling it failed: ${r.error.message}).`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
