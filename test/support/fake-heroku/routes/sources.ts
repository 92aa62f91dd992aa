import { randomBytes } from 'node:crypto';
import { readBytes } from '../http';
import type { RouteContext, RouteResult, Router } from '../router';
import { newId } from '../state/ids';
import type { Source } from '../state/types';
import { appParam, json } from './helpers';

const MAX_BLOB = 100 * 1024 * 1024;

function blobUrl(baseUrl: string, s: Source): string {
  return `${baseUrl}/__blobs/${s.id}?sig=${s.sig}`;
}

function create(ctx: RouteContext): RouteResult {
  const s: Source = { id: newId(), sig: randomBytes(24).toString('base64url'), data: null, createdAt: ctx.state.now() };
  ctx.state.sources.set(s.id, s);
  const url = blobUrl(ctx.baseUrl, s);
  return json({ source_blob: { get_url: url, put_url: url } }, 201);
}

/** An S3-like answer: plain text status, no Heroku error body (blob URLs are not the API). */
function s3(status: number, message: string): RouteResult {
  return { kind: 'raw', write: (res) => {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(`${message}\n`);
  } };
}

function signed(ctx: RouteContext): Source | undefined {
  const s = ctx.state.sources.get(ctx.params.id.toLowerCase());
  return s && ctx.query.get('sig') === s.sig ? s : undefined;
}

/**
 * The bytes a build's `source_blob.url` points at, when it is one of this fake's blob URLs (it fetches nothing
 * else), or why not.
 */
export function blobOf(ctx: RouteContext, url: string): { ok: true; data: Buffer } | { ok: false; error: string } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { ok: false, error: 'not a URL' };
  }
  const m = /^\/__blobs\/([^/]+)$/.exec(u.pathname);
  if (u.origin !== new URL(ctx.baseUrl).origin || !m) return { ok: false, error: 'the fake Heroku only fetches its own source blobs' };
  const s = ctx.state.sources.get(m[1].toLowerCase());
  if (!s || u.searchParams.get('sig') !== s.sig) return { ok: false, error: '403 Forbidden' };
  if (!s.data) return { ok: false, error: '404 Not Found (nothing was uploaded)' };
  return { ok: true, data: s.data };
}

/** Sources (`POST /apps/{app}/sources`, `POST /sources`) and the presigned-style blob URLs they hand out. */
export function sourceRoutes(r: Router): void {
  r.post('/apps/:app/sources', (ctx) => {
    appParam(ctx);
    return create(ctx);
  });
  r.post('/sources', create);
  // Like S3 presigned URLs: no API auth, the signature in the query is the credential.
  r.put('/__blobs/:id', async (ctx) => {
    const s = signed(ctx);
    if (!s) return s3(403, 'SignatureDoesNotMatch');
    s.data = await readBytes(ctx.req, MAX_BLOB);
    return { kind: 'raw', write: (res) => { res.writeHead(200, { ETag: `"${s.id}"` }); res.end(); } };
  }, { public: true, rawBody: true });
  r.get('/__blobs/:id', (ctx) => {
    const s = signed(ctx);
    if (!s) return s3(403, 'SignatureDoesNotMatch');
    const data = s.data;
    if (!data) return s3(404, 'NoSuchKey');
    return { kind: 'raw', write: (res) => {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(data.length) });
      res.end(data);
    } };
  }, { public: true });
}
