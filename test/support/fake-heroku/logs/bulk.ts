// The bulk mode of the fake logplex: an app that writes numbered lines (bulk-lines.ts) as fast as the reader takes
// them. Every connection first replays the last `lines` lines the app wrote (like logplex's 1500-line buffer), then
// goes on from where the app is. A cut connection leaves its half-written line and `gapLines` more lines in the
// buffer only; a reader that asks for enough history on reconnect can get them back. Stats count what was written.
import { BulkClock, bulkLine } from './bulk-lines';
import type { LineWriter } from './writer';

export const LOG_BUFFER_LINES = 1500;

export interface BulkStats {
  /** Lines the app produced (seq 1..emitted). */
  emitted: number;
  /** Lines written whole to a reader (replays count again). */
  written: number;
  /** Lines cut in half by a drop. */
  cut: number;
  /** Connections cut by a drop fault. */
  drops: number;
  /** Connections served. */
  connections: number;
}

export class BulkApp {
  readonly stats: BulkStats = { emitted: 0, written: 0, cut: 0, drops: 0, connections: 0 };
  private readonly clock = new BulkClock(Date.UTC(2026, 10, 24, 8));
  /** The last lines written (at least LOG_BUFFER_LINES once there are that many), oldest first: consecutive numbers. */
  private buffer: string[] = [];
  /** The number of buffer[0]. */
  private bufferFirst = 1;

  constructor(
    private readonly host: string,
    /** How many lines the app writes in all. */
    readonly count: number,
    private readonly opts: { gapLines?: number; hugeLineAt?: number; hugeLineBytes?: number; pad?: string } = {},
  ) {}

  private line(seq: number): string {
    const pad = seq === this.opts.hugeLineAt ? ` ${'x'.repeat(this.opts.hugeLineBytes ?? 1 << 20)}` : this.opts.pad;
    return bulkLine(seq, this.clock, { host: this.host, pad });
  }

  private remember(line: string): void {
    this.buffer.push(line);
    if (this.buffer.length > LOG_BUFFER_LINES * 4) {
      this.bufferFirst += this.buffer.length - LOG_BUFFER_LINES;
      this.buffer = this.buffer.slice(-LOG_BUFFER_LINES);
    }
  }

  /** Lines the app writes while nobody reads (they reach the buffer only). */
  private writeUnread(n: number): void {
    for (let i = 0; i < n && this.stats.emitted < this.count; i++) {
      const seq = ++this.stats.emitted;
      this.remember(this.line(seq));
    }
  }

  /** Serves one connection; resolves when the app has nothing more for it or the connection ended. */
  async serve(writer: LineWriter, historyLines: number): Promise<'done' | 'stopped'> {
    this.stats.connections++;
    const n = Math.min(historyLines, LOG_BUFFER_LINES, this.buffer.length);
    const recent = n > 0 ? this.buffer.slice(-n) : [];
    const recentFirst = this.bufferFirst + this.buffer.length - n;
    for (let i = 0; i < recent.length; i += 256) {
      const r = await writer.write(recent.slice(i, i + 256), recentFirst + i);
      this.stats.written += r.complete;
      if (r.outcome !== 'ok') return this.after(r.outcome, false);
    }
    while (this.stats.emitted < this.count) {
      const first = this.stats.emitted + 1;
      const n = Math.min(1024, this.count - this.stats.emitted);
      const lines: string[] = [];
      for (let i = 0; i < n; i++) lines.push(this.line(first + i));
      const r = await writer.write(lines, first);
      const produced = r.complete + (r.outcome === 'cut' ? 1 : 0);
      for (let i = 0; i < produced; i++) this.remember(lines[i]);
      this.stats.emitted += produced;
      this.stats.written += r.complete;
      if (r.outcome !== 'ok') return this.after(r.outcome, true);
    }
    return 'done';
  }

  private after(outcome: string, live: boolean): 'stopped' {
    if (outcome === 'cut') {
      this.stats.drops++;
      if (live) this.stats.cut++;
      this.writeUnread(this.opts.gapLines ?? 0);
    }
    return 'stopped';
  }
}
