// The pipeline feature's ports on top of the shared HerokuClient (its generic one/many/list and the wrapped
// calls), plain-text streams over fetch (release-phase and CI output URLs need no token), and the system clock.
// Signed out (no client) reads as `no_token`.
import { fail, ok, type HerokuError, type Result } from '../../core/heroku/result';
import type { Clock, PipelineApi, TextStreams } from '../../core/pipeline/ports';
import type { HerokuClient } from './client';
import { abortableSleep } from './retry';

const seg = encodeURIComponent;

const noToken = (path: string): HerokuError => ({ id: 'no_token', message: 'Not signed in to Heroku.', status: 401, method: 'GET', path });

export function pipelineApiFromClient(getClient: () => HerokuClient | undefined): PipelineApi {
  const c = <T>(path: string, fn: (client: HerokuClient) => Promise<Result<T>>): Promise<Result<T>> => {
    const client = getClient();
    return client ? fn(client) : Promise.resolve(fail(noToken(path)));
  };
  return {
    pipelines: (o) => c('/pipelines', (h) => h.pipelines(o)),
    pipeline: (id, o) => c('/pipelines', (h) => h.pipeline(id, o)),
    couplings: (id, o) => c('/pipeline-couplings', (h) => h.pipelineCouplings(id, o)),
    appCoupling: (app, o) => c('/pipeline-couplings', (h) => h.appPipelineCoupling(app, o)),
    latestReleases: (id, o) => c('/latest-releases', (h) => h.list(`/pipelines/${seg(id)}/latest-releases`, o, '3.sdk')),
    reviewApps: (id, o) => c('/review-apps', (h) => h.list(`/pipelines/${seg(id)}/review-apps`, o)),
    testRuns: (id, o) => c('/test-runs', (h) => h.list(`/pipelines/${seg(id)}/test-runs`, o)),
    testNodes: (id, o) => c('/test-nodes', (h) => h.list(`/test-runs/${seg(id)}/test-nodes`, o)),
    app: (id, o) => c('/apps', (h) => h.app(id, o)),
    dynos: (id, o) => c('/dynos', (h) => h.dynos(id, o)),
    slug: (app, slug, o) => c('/slugs', (h) => h.one('GET', `/apps/${seg(app)}/slugs/${seg(slug)}`, o)),
    releases: (app, limit, o) => c('/releases', (h) => h.releases(app, limit, { ...o, cache: false })),
    release: (app, id, o) => c('/releases', (h) => h.one('GET', `/apps/${seg(app)}/releases/${seg(id)}`, { ...o, cache: false }, undefined, '3.sdk')),
    createPromotion: (req, o) => c('/pipeline-promotions', (h) => h.createPromotion(req, o)),
    promotionTargets: (id, o) => c('/promotion-targets', (h) => h.promotionTargets(id, { ...o, cache: false })),
    rollback: (app, id, o) => c('/releases', (h) => h.rollback(app, id, o)),
  };
}

/** Only the path of a stream URL goes into errors (the URL's token-like parts stay out of logs). */
function pathOf(url: string): string {
  try {
    return new URL(url).pathname.replace(/[^/]{24,}/g, '…');
  } catch {
    return '(bad url)';
  }
}

async function* decode(body: ReadableStream<Uint8Array>, signal?: AbortSignal): AsyncIterable<string> {
  const reader = body.getReader();
  const dec = new TextDecoder();
  const stop = (): void => { void reader.cancel().catch(() => undefined); };
  signal?.addEventListener('abort', stop, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const text = dec.decode(value, { stream: true });
      if (text) yield text;
    }
    const rest = dec.decode();
    if (rest) yield rest;
  } finally {
    signal?.removeEventListener('abort', stop);
    stop();
  }
}

export const fetchTextStreams: TextStreams = {
  async open(url, o) {
    const path = pathOf(url);
    if (!/^https?:\/\//i.test(url)) return fail({ id: 'malformed_response', message: 'The output URL is not http(s).', status: 0, method: 'GET', path });
    try {
      const res = await fetch(url, { signal: o?.signal, headers: { Accept: 'text/plain' } });
      if (res.status === 404) {
        await res.body?.cancel().catch(() => undefined);
        return fail({ id: 'not_found', message: 'The output is not there yet.', status: 404, method: 'GET', path });
      }
      if (!res.ok || !res.body) {
        await res.body?.cancel().catch(() => undefined);
        return fail({ id: 'http_error', message: `The output stream answered ${res.status}.`, status: res.status, method: 'GET', path });
      }
      return ok(decode(res.body, o?.signal));
    } catch (err) {
      const aborted = o?.signal?.aborted;
      return fail({ id: aborted ? 'cancelled' : 'network', message: aborted ? 'Cancelled.' : `Could not read the output: ${err instanceof Error ? err.message : String(err)}`, status: 0, method: 'GET', path });
    }
  },
};

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) => abortableSleep(ms, signal),
};
