// The one refresh timer for every view: each interval it reads again what the views want (AppStore.refreshWanted:
// only what a visible view or an open editor shows; a failing slice backs off). The interval is the
// `heroku.explorer.refreshInterval` setting (seconds; 0 turns automatic refreshes off), never below MIN_INTERVAL_MS.
// ETags (the client's transport) make an unchanged read a 304.
import { Emitter } from '../event';
import type { Clock } from '../heroku/ports';
import type { IDisposable } from '../lifecycle';
import type { AppStore, RefreshReport } from './store';

/** A refresh at most this often, whatever the setting says (Heroku's rate limit is 4,500 requests an hour). */
export const MIN_INTERVAL_MS = 10_000;

/** Seconds from the setting → the interval in ms (0 = off). */
export function intervalFromSetting(seconds: number | undefined): number {
  if (seconds === undefined || !Number.isFinite(seconds)) return 60_000;
  return seconds <= 0 ? 0 : Math.max(MIN_INTERVAL_MS, seconds * 1000);
}

export class RefreshScheduler implements IDisposable {
  private timer: IDisposable | undefined;
  private intervalMs = 0;
  private disposed = false;
  private readonly ticked = new Emitter<RefreshReport>();
  /** After each tick, with what it read (tests wait on it; nothing else needs it). */
  readonly onDidTick = this.ticked.event;

  constructor(private readonly store: AppStore, private readonly clock: Clock, private readonly onError: (err: unknown) => void = () => undefined) {}

  get interval(): number {
    return this.intervalMs;
  }

  /** Starts, restarts or (0) stops the timer; the store answers from memory for as long. */
  setInterval(ms: number): void {
    this.intervalMs = ms;
    this.store.freshForMs = ms;
    this.schedule();
  }

  private schedule(): void {
    this.timer?.dispose();
    this.timer = undefined;
    if (this.disposed || this.intervalMs <= 0) return;
    this.timer = this.clock.setTimer(() => void this.tick(), this.intervalMs);
  }

  /** One refresh of everything wanted; the next one an interval after it ends. */
  private async tick(): Promise<void> {
    this.timer = undefined;
    try {
      const report = await this.store.refreshWanted();
      this.ticked.fire(report, this.onError);
    } catch (err) {
      this.onError(err);
    }
    if (!this.timer) this.schedule();
  }

  dispose(): void {
    this.disposed = true;
    this.timer?.dispose();
    this.ticked.dispose();
  }
}
