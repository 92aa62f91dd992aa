// Release-phase output and Heroku CI output into output channels. Release output: the stream answers 404 until
// the phase starts (wait and retry while the release is pending), then streams to the end; a failed release
// says so with its output. CI: the output of each failed node of a run (setup output too when setup failed).
import { describeHerokuError } from '../../core/heroku/result';
import type { Release, TestNode } from '../../core/heroku/types';
import { followReleaseOutput } from '../../core/pipeline/release-output';
import { UserFacingError } from '../commands';
import type { PipelineDeps } from './deps';

export async function showReleaseOutput(deps: PipelineDeps, app: string, releaseId: string, signal: AbortSignal): Promise<void> {
  const r = await deps.api.release(app, releaseId, { signal });
  if (!r.ok) throw new UserFacingError(`Could not read the release of ${app}: ${describeHerokuError(r.error)}`);
  const rel = r.value;
  const sink = deps.sink(`Heroku Release Output: ${app}`);
  sink.show();
  sink.line(`=== ${app} v${rel.version} (${rel.status}): ${rel.description}`);
  if (!rel.output_stream_url) {
    sink.line(`v${rel.version} has no release-phase output (no release command ran).`);
    return;
  }
  let status = rel.status;
  const end = await followReleaseOutput(deps.streams, deps.clock, rel.output_stream_url, (t) => sink.append(t), {
    signal,
    onWaiting: (n) => { if (n === 1) sink.line('Waiting for the release phase to start…'); },
    stillPending: async () => {
      const again = await deps.api.release(app, releaseId, { signal });
      if (again.ok) status = again.value.status;
      return status === 'pending';
    },
  });
  if (!end.ok) sink.line(`(${end.message})`);
  const last = await deps.api.release(app, releaseId, { signal });
  const final: Release | undefined = last.ok ? last.value : undefined;
  status = final?.status ?? status;
  if (status === 'failed') {
    sink.line(`=== v${rel.version} FAILED: the release phase exited with an error, so v${rel.version} never ran; the app stays on its previous release. The output above says why.`);
  } else if (status === 'pending') {
    sink.line(`=== v${rel.version} is still pending.`);
  } else {
    sink.line(`=== v${rel.version} ${status}.`);
  }
}

export async function showCiOutput(deps: PipelineDeps, pipeline: string, runId: string, runNumber: number, signal: AbortSignal): Promise<void> {
  const nodes = await deps.api.testNodes(runId, { signal });
  if (!nodes.ok) throw new UserFacingError(`Could not read CI run #${runNumber}: ${describeHerokuError(nodes.error)}`);
  const list = (Array.isArray(nodes.value) ? nodes.value : []).filter((n): n is TestNode => n !== null && typeof n === 'object');
  const failed = list.filter((n) => n.status === 'failed' || n.status === 'errored' || (typeof n.exit_code === 'number' && n.exit_code !== 0));
  const sink = deps.sink(`Heroku CI: ${pipeline}`);
  sink.show();
  sink.line(`=== CI run #${runNumber}: ${failed.length} of ${list.length} node(s) failed`);
  for (const n of failed.length ? failed : list) {
    sink.line(`--- node ${n.index} (${n.status}${typeof n.exit_code === 'number' ? `, exit ${n.exit_code}` : ''})${n.message ? `: ${n.message}` : ''}`);
    const urls = n.status === 'errored' ? [n.setup_stream_url, n.output_stream_url] : [n.output_stream_url];
    for (const url of urls.filter((u): u is string => typeof u === 'string' && u !== '')) {
      const s = await deps.streams.open(url, { signal });
      if (!s.ok) {
        sink.line(`(could not read the output: ${s.status === 404 ? 'it is not there (yet)' : s.message})`);
        continue;
      }
      for await (const chunk of s.chunks) {
        if ('text' in chunk) sink.append(chunk.text);
        else if (chunk.end === 'dropped') sink.line(`\n(the output broke off: ${chunk.message})`);
      }
    }
  }
}
