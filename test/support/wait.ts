// Waiting on a condition instead of sleeping for a guessed time: polls `get` until it returns something other
// than undefined, and fails with `what` after `ms`. Shared by unit, host and e2e tests.

export interface WaitOptions {
  /** Give up after this long (default 20 s). */
  ms?: number;
  /** Pause between polls (default 100 ms); short where the condition is a moment that passes ("exactly 5 lines"). */
  everyMs?: number;
}

export async function waitFor<T>(what: string, get: () => T | undefined | Promise<T | undefined>, o: number | WaitOptions = {}): Promise<T> {
  const { ms = 20_000, everyMs = 100 } = typeof o === 'number' ? { ms: o } : o;
  const end = Date.now() + ms;
  for (;;) {
    const v = await get();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** waitFor for a yes/no condition. */
export function waitUntil(what: string, check: () => boolean | Promise<boolean>, o?: number | WaitOptions): Promise<void> {
  return waitFor(what, async () => ((await check()) ? true : undefined), o).then(() => undefined);
}
