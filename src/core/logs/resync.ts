// Closing the gap after a reconnect. A new Cedar session replays the app's recent lines (up to 1500) before it
// tails; the lines we already delivered are in that replay, followed by the ones we missed. Matching the replay
// against what we delivered drops the repeats and keeps the missed lines, so a drop costs no line at all as long as
// fewer lines than the replay holds were written in between. Pure: the stream feeds it lines and asks what to do.

/**
 * Remembers the last `capacity` lines delivered (a ring: constant work per line), and never more than `maxChars`
 * characters of them (a run of huge lines keeps fewer).
 */
export class RecentLines {
  private readonly ring: string[];
  private next = 0;
  private size = 0;
  private chars = 0;

  constructor(readonly capacity: number, private readonly maxChars = 16 << 20) {
    this.ring = new Array<string>(Math.max(1, capacity));
  }

  add(line: string): void {
    if (this.size === this.ring.length) this.chars -= this.ring[this.next].length;
    this.ring[this.next] = line;
    this.next = (this.next + 1) % this.ring.length;
    if (this.size < this.ring.length) this.size++;
    this.chars += line.length;
    while (this.chars > this.maxChars && this.size > 1) {
      const oldest = (this.next - this.size + this.ring.length) % this.ring.length;
      this.chars -= this.ring[oldest].length;
      this.ring[oldest] = '';
      this.size--;
    }
  }

  get length(): number {
    return this.size;
  }

  /** Oldest first. */
  toArray(): string[] {
    const out: string[] = [];
    const start = (this.next - this.size + this.ring.length) % this.ring.length;
    for (let i = 0; i < this.size; i++) out.push(this.ring[(start + i) % this.ring.length]);
    return out;
  }
}

/**
 * One replay's matching. The replay is the app's recent history in order, so it reads: lines older than anything we
 * kept (skipped), the lines we delivered (duplicates, each delivered copy matching once) with any we missed among
 * them (new: a line cut by the drop), then the lines written since (new). The window closes when our last delivered
 * line comes by (`found`: nothing later can be a repeat), after `limit` lines, or when the stream calls finish().
 * If none of our lines came by, everything replayed is newer than what we have and `missing` is true: lines may have
 * been written and dropped from the buffer before we came back.
 */
export class ResyncWindow {
  private readonly counts = new Map<string, number>();
  private readonly last: string | undefined;
  private readonly beforeLast: string | undefined;
  private previous: string | undefined;
  /** Lines before the first repeat: older than our history, unless no repeat ever comes. */
  private preamble: string[] = [];
  private fresh: string[] = [];
  private overlapped = false;
  private seen = 0;
  private heldChars = 0;
  private closed = false;
  found = false;

  /** `limit` lines at most are looked at, and at most `maxChars` characters held, before the window closes. */
  constructor(delivered: readonly string[], private readonly limit: number, private readonly maxChars = 16 << 20) {
    for (const l of delivered) this.counts.set(l, (this.counts.get(l) ?? 0) + 1);
    this.last = delivered.at(-1);
    this.beforeLast = delivered.at(-2);
    if (this.last === undefined) this.closed = true;
  }

  get done(): boolean {
    return this.closed;
  }

  /** Takes one replayed line; true when this line closed the window (then call result()). */
  accept(line: string): boolean {
    if (this.closed) return false;
    this.seen++;
    const n = this.counts.get(line);
    const previous = this.previous;
    this.previous = line;
    if (n !== undefined && n > 0) {
      this.counts.set(line, n - 1);
      this.overlapped = true;
      for (const l of this.preamble) this.heldChars -= l.length;
      this.preamble = [];
      // Our last line, as its last copy or right after the line we had before it: nothing later repeats.
      if (line === this.last && (n === 1 || (previous !== undefined && previous === this.beforeLast))) this.found = true;
    } else {
      (this.overlapped ? this.fresh : this.preamble).push(line);
      this.heldChars += line.length;
    }
    if (this.found || this.seen >= this.limit || this.heldChars > this.maxChars) this.finish();
    return this.closed;
  }

  finish(): void {
    this.closed = true;
    this.counts.clear();
  }

  /** The lines to deliver, in order, and whether lines may be missing before them. */
  result(): { lines: string[]; missing: boolean } {
    return { lines: this.overlapped ? this.fresh : [...this.preamble, ...this.fresh], missing: !this.found };
  }
}
