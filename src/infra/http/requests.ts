// Plain HTTP(S) requests to URLs Heroku hands out (pre-signed upload URLs, output streams). They carry no
// Heroku token: those URLs are their own credential, and the API key must never travel to another host.
import * as http from 'node:http';
import * as https from 'node:https';

export function requestFor(url: URL): typeof http.request {
  return (url.protocol === 'https:' ? https.request : http.request) as typeof http.request;
}

/** A message about a URL without its query string (pre-signed URLs carry their signature there). */
export function safeUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

export function networkMessage(err: unknown): string {
  const e = err as NodeJS.ErrnoException | undefined;
  if (e?.code === 'ECONNREFUSED') return 'connection refused';
  if (e?.code === 'ECONNRESET' || e?.message === 'aborted') return 'connection reset';
  if (e?.code === 'ENOTFOUND') return 'host not found';
  if (e?.code === 'ETIMEDOUT') return 'timed out';
  return e?.code ?? (e?.message || 'network error');
}
