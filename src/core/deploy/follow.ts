// Follows a build's or a release phase's output stream to its end. A stream that drops before its end is
// reopened (the server replays it; what was shown is skipped by byte count) a few times, and the user is told;
// a release stream answers 404 until the phase starts, so it is polled until then.
import type { Clock, TextStreams } from './ports';

export interface FollowOptions {
  signal?: AbortSignal;
  /** Called with each piece of output as it arrives. */
  onText(text: string): void;
  /** Called with what the user should know about the stream itself (dropped, reconnected, gave up). */
  onNote(text: string): void;
  /** While the stream answers 404: whether to keep waiting (e.g. the release is still pending). Absent: no wait. */
  waitWhileMissing?: () => Promise<boolean>;
  /** Label for notes: 'build output', 'release phase output'. */
  what: string;
  maxReconnects?: number;
  retryMs?: number;
  /** Longest wait for a 404 stream to appear. */
  maxWaitMs?: number;
}

export type FollowEnd = 'complete' | 'lost' | 'missing' | 'cancelled';

export async function followStream(streams: TextStreams, clock: Clock, url: string, o: FollowOptions): Promise<FollowEnd> {
  const maxReconnects = o.maxReconnects ?? 3;
  const retryMs = o.retryMs ?? 1000;
  const started = clock.now();
  let seen = 0;
  let drops = 0;
  let lastError = '';
  for (;;) {
    if (o.signal?.aborted) return 'cancelled';
    const opened = await streams.open(url, { signal: o.signal, skipBytes: seen });
    if (o.signal?.aborted) return 'cancelled';
    if (!opened.ok) {
      if (opened.status === 404 && seen === 0 && o.waitWhileMissing) {
        if (clock.now() - started > (o.maxWaitMs ?? 15 * 60_000)) {
          o.onNote(`The ${o.what} did not start within ${Math.round((o.maxWaitMs ?? 15 * 60_000) / 60_000)} minutes; stopped waiting for it.`);
          return 'lost';
        }
        if (!(await o.waitWhileMissing())) return 'missing';
        await clock.sleep(retryMs, o.signal).catch(() => undefined);
        continue;
      }
      lastError = opened.message;
      if (drops === 0 && seen === 0 && !o.waitWhileMissing) {
        o.onNote(`Could not open the ${o.what} (${opened.message}).`);
        return 'lost';
      }
      if (++drops > maxReconnects) return gaveUp(o, lastError, drops - 1);
      await clock.sleep(retryMs * drops, o.signal).catch(() => undefined);
      continue;
    }
    let ended: 'complete' | 'dropped' | undefined;
    for await (const c of opened.chunks) {
      if ('text' in c) {
        seen += c.bytes;
        if (c.text) o.onText(c.text);
      } else if (c.end === 'complete') {
        ended = 'complete';
      } else {
        ended = 'dropped';
        lastError = c.message;
      }
    }
    if (o.signal?.aborted) return 'cancelled';
    if (ended === 'complete') {
      if (drops > 0) o.onNote(`The ${o.what} is complete after ${drops} reconnect${drops === 1 ? '' : 's'}.`);
      return 'complete';
    }
    if (++drops > maxReconnects) return gaveUp(o, lastError, drops - 1);
    o.onNote(`The ${o.what} stream dropped (${lastError || 'connection closed'}); reconnecting (${drops}/${maxReconnects})…`);
    await clock.sleep(retryMs * drops, o.signal).catch(() => undefined);
  }
}

function gaveUp(o: FollowOptions, error: string, tries: number): FollowEnd {
  o.onNote(`The ${o.what} stream dropped (${error || 'connection closed'}) and could not be reopened after ${tries} `
    + `tr${tries === 1 ? 'y' : 'ies'}: the rest of the output is not shown here. Heroku goes on; waiting for the result.`);
  return 'lost';
}
