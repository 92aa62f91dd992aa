import type { ServerResponse } from 'node:http';
import type { ActiveFault } from '../faults';
import type { RouteResult } from '../router';
import type { FakeState } from '../state/store';
import { dueCount } from '../state/timeline';
import type { Timeline } from '../state/types';

/**
 * Streams a timeline as chunked text, each line when its time comes (like Heroku's build and release output URLs):
 * what has appeared at once, then the rest as it appears, until the timeline is done. It re-reads `get()` after
 * settling the state each time, so work that finishes meanwhile adds its lines. A drop fault cuts it after
 * `afterBytes`; the fake's close() ends it (`streams`).
 */
export function streamTimeline(state: FakeState, get: () => Timeline, streams: Set<ServerResponse>, fault?: ActiveFault): RouteResult {
  return {
    kind: 'raw',
    write: (res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' });
      res.flushHeaders();
      streams.add(res);
      let sent = 0;
      let bytes = 0;
      let timer: NodeJS.Timeout | undefined;
      const cut = fault?.drop && fault.afterBytes !== undefined ? fault.afterBytes : undefined;
      const stop = (): void => {
        if (timer) clearTimeout(timer);
        streams.delete(res);
      };
      res.on('close', stop);
      const pump = (): void => {
        state.settle();
        const t = get();
        const now = state.clock();
        const n = dueCount(t, now);
        for (; sent < n; sent++) {
          const chunk = `${t.lines[sent]}\n`;
          if (cut !== undefined && bytes + Buffer.byteLength(chunk) > cut) {
            res.write(chunk.slice(0, Math.max(0, cut - bytes)), () => res.socket?.destroy());
            stop();
            return;
          }
          bytes += Buffer.byteLength(chunk);
          res.write(chunk);
        }
        if (t.done && sent >= t.lines.length) {
          stop();
          res.end();
          return;
        }
        // Wake when the next line is due; a frozen or manual clock is re-read at least every 250 ms.
        const next = t.times[sent];
        const wait = next === undefined ? 50 : Math.min(250, Math.max(5, next - now));
        timer = setTimeout(pump, wait);
      };
      pump();
    },
  };
}
