// Between the connection (pushes lines as fast as the network gives them) and the reader (pulls when it is ready):
// lines are gathered into batches, and the buffered characters are bounded. Above highWater the queue asks the
// connection to pause (TCP back-pressure, nothing lost) until the reader has taken the buffer below half of it. In
// 'drop' mode it keeps reading instead and drops lines beyond maxChars, then says how many, exactly where they were.
import { droppedText } from '../../core/logs/markers';
import type { TailEvent } from './events';

export interface QueueLimits {
  highWaterChars: number;
  overflow: 'pause' | 'drop';
  maxChars: number;
}

/** A batch never holds more lines than this, so one reader step stays short. */
const MAX_BATCH = 8192;

export class EventQueue {
  private items: TailEvent[] = [];
  private head = 0;
  /** The open batch lines are appended to (the last item), if any. */
  private batch: string[] | undefined;
  private chars = 0;
  private dropped = 0;
  private paused = false;
  private closed = false;
  private wake: (() => void) | undefined;

  constructor(private readonly limits: QueueLimits, private readonly onPause: (paused: boolean) => void) {}

  /** True while the connection is asked to hold back. */
  get isPaused(): boolean {
    return this.paused;
  }

  /** Characters buffered right now. */
  get bufferedChars(): number {
    return this.chars;
  }

  pushLine(line: string): void {
    if (this.closed) return;
    if (this.limits.overflow === 'drop') {
      if (this.chars >= this.limits.maxChars) {
        this.dropped++;
        return;
      }
      // Room again: say what was lost before the first line after the gap.
      if (this.dropped > 0 && this.chars < this.limits.maxChars / 2) this.flushDropped();
      else if (this.dropped > 0) {
        this.dropped++;
        return;
      }
    }
    if (this.batch === undefined || this.batch.length >= MAX_BATCH) {
      this.batch = [];
      this.items.push({ kind: 'lines', lines: this.batch });
    }
    this.batch.push(line);
    this.chars += line.length + 1;
    if (!this.paused && this.limits.overflow === 'pause' && this.chars >= this.limits.highWaterChars) {
      this.paused = true;
      this.onPause(true);
    }
    this.signal();
  }

  push(event: TailEvent): void {
    if (this.closed) return;
    if (this.dropped > 0) this.flushDropped();
    this.batch = undefined;
    this.items.push(event);
    this.signal();
  }

  private flushDropped(): void {
    const count = this.dropped;
    this.dropped = 0;
    this.batch = undefined;
    this.items.push({ kind: 'dropped', count, text: droppedText(count) });
  }

  /** No more events after what is queued. */
  close(): void {
    if (this.dropped > 0) this.flushDropped();
    this.closed = true;
    this.signal();
  }

  private signal(): void {
    const w = this.wake;
    if (w) {
      this.wake = undefined;
      w();
    }
  }

  /** The next event, or undefined once closed and drained. */
  async next(): Promise<TailEvent | undefined> {
    while (this.head >= this.items.length) {
      if (this.closed) return undefined;
      await new Promise<void>((resolve) => { this.wake = resolve; });
    }
    const e = this.items[this.head];
    this.items[this.head++] = undefined as unknown as TailEvent;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    if (e.kind === 'lines') {
      if (e.lines === this.batch) this.batch = undefined;
      for (const l of e.lines) this.chars -= l.length + 1;
      if (this.paused && this.chars < this.limits.highWaterChars / 2) {
        this.paused = false;
        this.onPause(false);
      }
    }
    return e;
  }
}
