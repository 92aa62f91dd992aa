// Release-phase output: `output_stream_url` answers 404 until the phase starts, then streams text to the end.
// Waits and retries the 404 (backing off up to 5 s) while the release is pending, then passes every chunk on.
// A failed release's output is read the same way (it ends at once). Time comes from the clock port.
import type { ApiCallOptions, Clock, TextStreams } from './ports';

export interface OutputOptions extends ApiCallOptions {
  /** Give up waiting for the phase to start after this long (default 10 min). */
  maxWaitMs?: number;
  /** Called before each retry while the stream is not there yet. */
  onWaiting?: (attempt: number) => void;
  /** Re-reads the release: false once it is no longer pending (then a 404 means it has no output). */
  stillPending?: () => Promise<boolean>;
}

export type OutputEnd = { ok: true; bytes: number } | { ok: false; message: string };

export async function followReleaseOutput(streams: TextStreams, clock: Clock, url: string, onChunk: (text: string) => void,
  o: OutputOptions = {}): Promise<OutputEnd> {
  const until = clock.now() + (o.maxWaitMs ?? 10 * 60_000);
  let lastChance = false;
  for (let attempt = 1; ; attempt++) {
    const r = await streams.open(url, { signal: o.signal });
    if (r.ok) {
      let bytes = 0;
      for await (const chunk of r.chunks) {
        if ('text' in chunk) {
          bytes += chunk.bytes;
          if (chunk.text) onChunk(chunk.text);
        } else if (chunk.end === 'dropped') {
          return { ok: false, message: `the output stream broke off: ${chunk.message}` };
        }
      }
      return { ok: true, bytes };
    }
    if (r.status !== 404) return { ok: false, message: `could not read the release-phase output: ${r.message}` };
    if (lastChance) return { ok: false, message: 'the release is no longer pending and its release phase left no output' };
    // The phase may have ended between the two reads: one more try once the release has left pending.
    if (o.stillPending && !(await o.stillPending())) lastChance = true;
    if (clock.now() > until || o.signal?.aborted) return { ok: false, message: 'the release phase did not start in time' };
    o.onWaiting?.(attempt);
    try {
      await clock.sleep(Math.min(5000, 500 * attempt), o.signal);
    } catch {
      return { ok: false, message: 'stopped' };
    }
  }
}
