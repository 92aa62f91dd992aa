// When the API budget runs low. Heroku allows an account 4,500 requests an hour and refills it gradually (about 75
// a minute); every answer says what is left in `RateLimit-Remaining`. The watch turns that stream of numbers into
// two events: `low` once when it drops below the threshold, `recovered` once it is back well above it, so a
// warning is shown once per drop and not on every request (a budget bouncing around the threshold stays low).

/** Requests an account may make per hour. */
export const RATE_LIMIT_BUDGET = 4500;
/** Below this many remaining requests the user is warned. */
export const LOW_RATE_LIMIT = 300;
/** At or above this many the budget counts as recovered, and the next drop warns again. */
export const RECOVERED_RATE_LIMIT = 600;

export type RateLimitEvent = 'low' | 'recovered';

export class RateLimitWatch {
  private low = false;

  constructor(private readonly threshold = LOW_RATE_LIMIT, private readonly recoverAt = RECOVERED_RATE_LIMIT) {}

  get isLow(): boolean {
    return this.low;
  }

  /** Feeds one `RateLimit-Remaining`; returns the event it causes, if any. */
  note(remaining: number): RateLimitEvent | undefined {
    if (!Number.isFinite(remaining)) return undefined;
    if (!this.low && remaining < this.threshold) {
      this.low = true;
      return 'low';
    }
    if (this.low && remaining >= this.recoverAt) {
      this.low = false;
      return 'recovered';
    }
    return undefined;
  }
}

/** The warning shown once per drop. */
export function lowRateLimitMessage(remaining: number): string {
  const n = Math.max(0, Math.floor(remaining));
  return `The Heroku API rate limit is running low: ${n.toLocaleString('en-US')} of ${RATE_LIMIT_BUDGET.toLocaleString('en-US')} requests left `
    + `(Heroku refills about 75 a minute). Automatic refreshes of the explorer use some; at 0 Heroku refuses requests for a while.`;
}
