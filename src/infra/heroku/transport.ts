// The request pipeline under HerokuClient: headers (Accept variant, Bearer token, HEROKU_HEADERS), ETag cache,
// retries with backoff for GET/HEAD, two-factor retry, RateLimit-Remaining tracking, and Range paging.
// Every outcome is a Result; nothing here throws for an HTTP, network or parse failure.
import type { AxiosInstance, AxiosStatic } from 'axios';
import { sendOnce, type RawResponse } from './attempt';
import { fail, ok, type HerokuError, type Result } from '../../core/heroku/result';
import { EtagCache } from './etag-cache';
import { toHttpError, parseJson } from './response';
import { abortableSleep, backoffDelay, DEFAULT_RETRY, isIdempotent, isRetriableStatus, parseRetryAfter, type RetryPolicy } from './retry';

export type ApiVariant = '3' | '3.sdk';
export type Method = 'GET' | 'HEAD' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Asked when Heroku answers 403 two_factor; resolves to the code, or undefined when the user cancels. */
export type TwoFactorPrompt = (request: { method: string; path: string; message: string }) => Promise<string | undefined>;

export interface TransportOptions {
  baseUrl: string;
  /** Called before each request; undefined means "not signed in" (no request is made). */
  getToken: () => string | undefined | Promise<string | undefined>;
  extraHeaders?: Record<string, string>;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  twoFactor?: TwoFactorPrompt;
  userAgent?: string;
  /** One line per exchange, e.g. `GET /apps 206 12 ms`; never headers or bodies. */
  trace?: (line: string) => void;
  /** Called when Heroku answers 401 (the token was revoked or expired), so the UI can offer to sign in again. */
  onUnauthorized?: () => void;
  /** Injectable for tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

export interface RequestSpec {
  method: Method;
  path: string;
  body?: unknown;
  variant?: ApiVariant;
  range?: string;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Use and fill the ETag cache (GET only); default true. */
  cache?: boolean;
}

export interface Page<T> {
  value: T;
  nextRange?: string;
  notModified: boolean;
}

/** axios, and through it Node's http/https/http2/zlib and the proxy agents, load with the first client (after
 *  the extension's activation, and only once there is a token), not when this module is imported. */
function loadAxios(): AxiosStatic {
  const m = require('axios') as AxiosStatic & { default?: AxiosStatic };
  return m.default ?? m;
}

export class HerokuTransport {
  readonly cache = new EtagCache();
  private readonly http: AxiosInstance;
  private readonly retry: RetryPolicy;
  private remaining: number | undefined;
  private readonly rateListeners = new Set<(remaining: number) => void>();

  constructor(private readonly opts: TransportOptions) {
    this.http = loadAxios().create({ baseURL: opts.baseUrl, proxy: false });
    this.retry = { ...DEFAULT_RETRY, ...opts.retry };
  }

  get baseUrl(): string {
    return this.opts.baseUrl;
  }

  /** The last `RateLimit-Remaining` Heroku sent, if any. */
  get rateLimitRemaining(): number | undefined {
    return this.remaining;
  }

  onRateLimit(listener: (remaining: number) => void): { dispose(): void } {
    this.rateListeners.add(listener);
    return { dispose: () => this.rateListeners.delete(listener) };
  }

  /** One page: follows nothing. 206 answers carry `nextRange`. */
  async page<T>(spec: RequestSpec): Promise<Result<Page<T>>> {
    const token = await this.opts.getToken();
    if (!token) {
      return fail({ id: 'no_token', message: 'Not signed in to Heroku.', status: 0, method: spec.method, path: spec.path });
    }
    const variant = spec.variant ?? '3';
    const useCache = spec.method === 'GET' && spec.cache !== false;
    const key = EtagCache.key(variant, spec.path, spec.range);
    const cached = useCache ? this.cache.get(key) : undefined;
    const headers: Record<string, string> = {
      Accept: `application/vnd.heroku+json; version=${variant}`,
      'User-Agent': this.opts.userAgent ?? 'heroku-workflows',
      ...this.opts.extraHeaders,
      Authorization: `Bearer ${token}`,
    };
    if (spec.body !== undefined) headers['Content-Type'] = 'application/json';
    if (spec.range) headers.Range = spec.range;
    if (cached) headers['If-None-Match'] = cached.etag;
    const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);

    const res = await this.exchange(spec, headers, body, token);
    if ('id' in res) return fail(res);
    if (res.status === 304 && cached) {
      return ok({ value: cached.body as T, nextRange: cached.nextRange, notModified: true }, true);
    }
    if (res.status === 401) this.opts.onUnauthorized?.();
    if (res.status < 200 || res.status >= 300) return fail(toHttpError(spec.method, spec.path, res, token));
    const parsed = parseJson(spec.method, spec.path, res, token);
    if (!parsed.ok) return parsed;
    const nextRange = res.status === 206 ? res.headers['next-range'] : undefined;
    const etag = res.headers.etag;
    if (useCache && etag) this.cache.set(key, { etag, body: parsed.value, nextRange });
    return ok({ value: parsed.value as T, nextRange, notModified: false });
  }

  /** Sends with retries (GET/HEAD only) and one two-factor retry; returns the final raw answer. */
  private async exchange(spec: RequestSpec, headers: Record<string, string>, body: string | undefined, token: string): Promise<RawResponse | HerokuError> {
    const sleep = this.opts.sleep ?? abortableSleep;
    const random = this.opts.random ?? Math.random;
    const retriable = isIdempotent(spec.method);
    let askedTwoFactor = false;
    for (let attempt = 0; ; attempt++) {
      const started = Date.now();
      const res = await sendOnce(this.http, {
        method: spec.method, path: spec.path, headers, body,
        timeoutMs: spec.timeoutMs ?? this.opts.timeoutMs ?? 30_000, signal: spec.signal,
      });
      const status = res.status;
      this.opts.trace?.(`${spec.method} ${spec.path} ${'id' in res ? res.id : status} ${Date.now() - started} ms`);
      if (!('id' in res)) this.noteRateLimit(res.headers['ratelimit-remaining']);
      if ('id' in res && (res.id === 'cancelled' || res.id === 'timeout')) return { ...res, attempts: attempt + 1 };

      if (!('id' in res) && res.status === 403 && !askedTwoFactor && this.opts.twoFactor) {
        const err = toHttpError(spec.method, spec.path, res, token);
        if (err.id === 'two_factor') {
          askedTwoFactor = true;
          const code = await this.opts.twoFactor({ method: spec.method, path: spec.path, message: err.message });
          if (!code) return { ...err, id: 'two_factor_cancelled', message: 'Two-factor code not given; nothing was changed.' };
          headers['Heroku-Two-Factor-Code'] = code.trim();
          attempt--;
          continue;
        }
      }
      if (!retriable || !isRetriableStatus(status) || attempt >= this.retry.retries) {
        return 'id' in res ? { ...res, attempts: attempt + 1 } : res;
      }
      const retryAfter = 'id' in res ? undefined : parseRetryAfter(res.headers['retry-after']);
      if (retryAfter !== undefined && retryAfter > this.retry.maxRetryAfterMs) return res;
      try {
        await sleep(backoffDelay(this.retry, attempt, random, retryAfter), spec.signal);
      } catch {
        return { method: spec.method, path: spec.path, status: 0, id: 'cancelled', message: 'The request was cancelled.', attempts: attempt + 1 };
      }
    }
  }

  private noteRateLimit(header: string | undefined): void {
    if (header === undefined) return;
    const n = Number(header);
    if (!Number.isFinite(n)) return;
    this.remaining = n;
    for (const l of this.rateListeners) {
      try {
        l(n);
      } catch {
        // A listener's failure must not break the request.
      }
    }
  }
}
