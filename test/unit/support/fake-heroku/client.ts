import assert from 'node:assert/strict';
import type { FakeHeroku } from '../../../support/fake-heroku';
import { validator } from '../../../support/fake-heroku/schema/self-check';
import type { SchemaValidator } from '../../../support/fake-heroku/schema/validator';

export const ACCEPT = 'application/vnd.heroku+json; version=3';
export const ACCEPT_SDK = 'application/vnd.heroku+json; version=3.sdk';

/** Where the fake answers: the fake itself or the useFakeHeroku fixture (test/support/use-fake-heroku.ts). */
export type FakeEndpoint = Pick<FakeHeroku, 'url' | 'apiKey'>;

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  body: unknown;
}

/**
 * The validator for a variant, the one the fake's self-check uses. 3.sdk is strict (exactly the listed properties);
 * version=3 is the older copy, so there bodies must have every property it lists and may have newer ones.
 */
export function schema(variant: '3.sdk' | '3' = '3.sdk'): SchemaValidator {
  return validator(variant);
}

/**
 * Calls the fake over real HTTP. Every 2xx JSON body is validated against the Platform API schema link for the
 * request, in the variant the Accept header asked for (and must match); every error body must be Heroku's `{id, message}`.
 */
export async function call(
  fake: FakeEndpoint,
  method: string,
  path: string,
  opts: { headers?: Record<string, string>; body?: unknown; auth?: boolean; validate?: boolean } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { Accept: ACCEPT_SDK, ...opts.headers };
  if (opts.auth !== false) headers.Authorization ??= `Bearer ${fake.apiKey}`;
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(fake.url + path, {
    method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  const isJson = (res.headers.get('content-type') ?? '').includes('json');
  const body = isJson && text !== '' ? (JSON.parse(text) as unknown) : undefined;
  if (res.status >= 200 && res.status < 300 && isJson && opts.validate !== false && !path.startsWith('/__fake/')) {
    const variant = /version=3\.sdk/.test(headers.Accept) ? '3.sdk' : '3';
    const v = schema(variant).validateResponse(method, path.split('?')[0], body);
    assert.ok(v.ok, `${method} ${path} does not match ${v.link ?? 'any schema link'}:\n${v.errors.join('\n')}`);
  }
  if (res.status >= 400) {
    const e = body as { id?: unknown; message?: unknown } | undefined;
    assert.equal(typeof e?.id, 'string', `${method} ${path} ${res.status}: error body lacks id: ${text}`);
    assert.equal(typeof e?.message, 'string', `${method} ${path} ${res.status}: error body lacks message: ${text}`);
  }
  return { status: res.status, headers: res.headers, text, body };
}
