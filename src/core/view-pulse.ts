// The pace of a live view's redraws (the Logs view's rates, the Local Processes view's uptimes): at most once per
// `minMs` however often its figures change, and every `idleMs` while something is active. Time only through the
// Clock port. Small and on its own, so the main bundle can hold it.
import type { Clock } from './heroku/ports';
import type { IDisposable } from './lifecycle';

export interface PulseOptions {
  /** Never redraw more often than this (ms). */
  minMs: number;
  /** While `active()`, redraw at least this often (the rate falls when lines stop coming). */
  idleMs: number;
  active: () => boolean;
}

/**
 * Redraws a view at most once per `minMs` however often it is poked, and every `idleMs` while something is active.
 * `poke()` says the figures changed.
 */
export class Pulse implements IDisposable {
  private timer: IDisposable | undefined;
  private dueAt = Number.POSITIVE_INFINITY;
  private last = Number.NEGATIVE_INFINITY;

  constructor(private readonly clock: Clock, private readonly redraw: () => void, private readonly o: PulseOptions) {}

  poke(): void {
    this.schedule(Math.max(0, this.last + this.o.minMs - this.clock.now()));
  }

  dispose(): void {
    this.timer?.dispose();
    this.timer = undefined;
    this.dueAt = Number.POSITIVE_INFINITY;
  }

  private schedule(inMs: number): void {
    const at = this.clock.now() + inMs;
    if (this.timer && this.dueAt <= at) return; // an earlier redraw is coming
    this.timer?.dispose();
    this.dueAt = at;
    this.timer = this.clock.setTimer(() => this.fire(), inMs);
  }

  private fire(): void {
    this.timer = undefined;
    this.dueAt = Number.POSITIVE_INFINITY;
    this.last = this.clock.now();
    this.redraw();
    if (this.o.active()) this.schedule(this.o.idleMs);
  }
}
