import assert from 'node:assert/strict';
import type { FakeHeroku } from '../../../support/fake-heroku';
import { SchemaValidator } from '../../../support/fake-heroku/schema/validator';

export const ACCEPT = 'application/vnd.heroku+json; version=3';
export const ACCEPT_SDK = 'application/vnd.heroku+json; version=3.sdk';

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  body: unknown;
}

let validator: SchemaValidator | undefined;
/** One validator per test run: compiling the 675 KB schema once keeps the suite fast. */
export function schema(): SchemaValidator {
  validator ??= new SchemaValidator('3.sdk');
  return validator;
}

/**
 * Calls the fake over real HTTP. Every 2xx JSON body is validated against the Platform API schema link for the
 * request (and must match); every error body must be Heroku's `{id, message}`.
 */
export async function call(
  fake: FakeHeroku,
  method: string,
  path: string,
  opts: { headers?: Record<string, string>; body?: unknown; auth?: boolean; validate?: boolean } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { Accept: ACCEPT, ...opts.headers };
  if (opts.auth !== false) headers.Authorization ??= `Bearer ${fake.apiKey}`;
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(fake.url + path, {
    method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  const isJson = (res.headers.get('content-type') ?? '').includes('json');
  const body = isJson && text !== '' ? (JSON.parse(text) as unknown) : undefined;
  if (res.status >= 200 && res.status < 300 && isJson && opts.validate !== false && !path.startsWith('/__fake/')) {
    const v = schema().validateResponse(method, path.split('?')[0], body);
    assert.ok(v.ok, `${method} ${path} does not match ${v.link ?? 'any schema link'}:\n${v.errors.join('\n')}`);
  }
  if (res.status >= 400) {
    const e = body as { id?: unknown; message?: unknown } | undefined;
    assert.equal(typeof e?.id, 'string', `${method} ${path} ${res.status}: error body lacks id: ${text}`);
    assert.equal(typeof e?.message, 'string', `${method} ${path} ${res.status}: error body lacks message: ${text}`);
  }
  return { status: res.status, headers: res.headers, text, body };
}
