// Waiting on a condition instead of sleeping for a guessed time: polls `get` until it returns something other
// than undefined, and fails with `what` after `ms`. Shared by unit, host and e2e tests.

export async function waitFor<T>(what: string, get: () => T | undefined | Promise<T | undefined>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await get();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** waitFor for a yes/no condition. */
export function waitUntil(what: string, check: () => boolean | Promise<boolean>, ms?: number): Promise<void> {
  return waitFor(what, async () => ((await check()) ? true : undefined), ms).then(() => undefined);
}
