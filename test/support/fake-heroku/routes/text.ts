import type { ActiveFault } from '../faults';
import type { RouteResult } from '../router';

/** Streams text chunks with chunked transfer encoding; a drop fault cuts the socket after `afterBytes`. */
export function writeText(chunks: string[], fault?: ActiveFault): RouteResult {
  return {
    kind: 'raw',
    write: (res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' });
      res.flushHeaders();
      let sent = 0;
      for (const c of chunks) {
        if (fault?.drop && fault.afterBytes !== undefined && sent + Buffer.byteLength(c) > fault.afterBytes) {
          res.write(c.slice(0, Math.max(0, fault.afterBytes - sent)), () => res.socket?.destroy());
          return;
        }
        res.write(c);
        sent += Buffer.byteLength(c);
      }
      res.end();
    },
  };
}
