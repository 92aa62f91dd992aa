// When and how long to wait before trying a request again. Only GET and HEAD are retried: a PATCH of the
// formation or a DELETE of dynos (restart) is not harmless to repeat, and a POST never is.

export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the error is returned. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 3, baseDelayMs: 300, maxDelayMs: 5000, maxRetryAfterMs: 30_000 };

export function isIdempotent(method: string): boolean {
  const m = method.toUpperCase();
  return m === 'GET' || m === 'HEAD';
}

/** 429, 5xx (except 501 Not Implemented) and answers that never came (status 0, network). */
export function isRetriableStatus(status: number): boolean {
  return status === 0 || status === 429 || (status >= 500 && status !== 501);
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Exponential backoff with jitter ("equal jitter": half fixed, half random) for retry number `attempt` (0-based).
 * A Retry-After is a floor.
 */
export function backoffDelay(policy: RetryPolicy, attempt: number, random: () => number, retryAfterMs?: number): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  const jittered = exp / 2 + random() * (exp / 2);
  return Math.round(Math.max(jittered, retryAfterMs ?? 0));
}
