// core's Clock port on the real time: Date.now and Node's timers.
import type { Clock } from '../core/heroku/ports';

function aborted(): Error {
  const e = new Error('aborted');
  e.name = 'AbortError';
  return e;
}

/** Sleeps `ms`, or rejects at once when the signal aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(aborted());
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(aborted());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: abortableSleep,
  setTimer(fn, ms) {
    const t = setTimeout(fn, ms);
    // A refresh timer must not keep a CLI process (or a test run) alive on its own.
    t.unref?.();
    return { dispose: () => clearTimeout(t) };
  },
};
