// Shared by the host tests (not a test file itself: the runner loads *.test.js only).

/** Polls `get` until it returns something other than undefined; fails after `ms`. */
export async function waitFor<T>(what: string, get: () => T | undefined | Promise<T | undefined>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await get();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}
