import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ActiveFault } from './faults';
import { pageOf, parseRange } from './paging';
import type { RouteResult } from './router';

export function etagOf(text: string): string {
  return `"${createHash('sha1').update(text).digest('hex')}"`;
}

function matchesIfNoneMatch(req: IncomingMessage, etag: string): boolean {
  const h = req.headers['if-none-match'];
  if (!h) return false;
  const tags = h.split(',').map((t) => t.trim().replace(/^W\//, ''));
  return tags.includes('*') || tags.includes(etag);
}

function corrupt(text: string, how: 'truncated' | 'garbage'): string {
  return how === 'truncated' ? text.slice(0, Math.max(1, Math.floor(text.length / 2))) : `<html><body>502 Bad Gateway</body></html>${text.slice(0, 5)}`;
}

/** Called with the route's own body just before it is sent (not for a 304, nor for a fault's replacement body). */
export type BodyCheck = (status: number, body: unknown) => void;

/**
 * Writes a route's JSON or list result: paging (Range/Next-Range/206), ETag/304, and the `body` and `malformed`
 * faults. `check` sees the body the route produced.
 */
export function writeResult(req: IncomingMessage, res: ServerResponse, result: RouteResult, headers: Record<string, string>, fault?: ActiveFault, check?: BodyCheck): void {
  if (result.kind === 'raw') {
    result.write(res);
    return;
  }
  let status = result.kind === 'json' ? (result.status ?? 200) : 200;
  let body: unknown;
  const extra: Record<string, string> = { ...headers };
  if (result.kind === 'list') {
    const spec = parseRange(req.headers.range, result.sortFields);
    const page = pageOf(result.items, spec);
    body = page.items;
    extra['Accept-Ranges'] = result.sortFields.join(', ');
    if (page.nextRange) {
      status = 206;
      extra['Next-Range'] = page.nextRange;
    }
  } else {
    body = result.body;
  }
  const replaced = fault?.body !== undefined;
  let text = JSON.stringify(replaced ? fault.body : body);
  const etag = etagOf(text);
  extra.ETag = etag;
  if (req.method === 'GET' && matchesIfNoneMatch(req, etag)) {
    res.writeHead(304, extra);
    res.end();
    return;
  }
  if (!replaced) check?.(status, body);
  if (fault?.malformed) text = corrupt(text, fault.malformed);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)), ...extra });
  res.end(text);
}
