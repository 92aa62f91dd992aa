// Plain-text streams over fetch: release-phase and CI output URLs are signed and need no token.
import { fail, ok } from '../../core/heroku/result';
import type { TextStreams } from '../../core/pipeline/ports';

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

