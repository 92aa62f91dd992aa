// The terminal side of `heroku-workflows local`: `time type.N | line` for every line of every process, and the
// runner's own lines (started, exited, stopping) in the same column layout.
import { describeExit, failed, type ProcessExit } from '../../core/runner/exit';
import { colourCode, linePrefix, paint, prefixLines, timeOfDay } from '../../core/runner/output';

export interface Out {
  write(s: string): unknown;
  once?(event: 'drain', listener: () => void): unknown;
  /** What is still queued after a write (Node's streams). */
  readonly writableLength?: number;
}

const SYSTEM = 'runner';
const BIG = 16 * 1024;

export class LocalView {
  private readonly colours = new Map<string, string | undefined>();
  private readonly width: number;
  private second = -1;
  private time = '';
  private readonly prefixes = new Map<string, string>();
  private pending: string[] = [];
  private pendingLength = 0;
  private scheduled: NodeJS.Immediate | undefined;

  /** `names` in display order: each gets its colour by position. */
  constructor(private readonly out: Out, names: string[], private readonly colour: boolean, private readonly onBackpressure?: (drained: Promise<void>) => void) {
    names.forEach((n, i) => this.colours.set(n, colour ? colourCode(i) : undefined));
    this.width = Math.max(SYSTEM.length, ...names.map((n) => n.length));
  }

  /** Whole lines from a process. */
  lines(name: string, block: string): void {
    this.write(prefixLines(block, this.prefix(name), this.colour));
  }

  /** A line of the runner's own about a process (or about everything, without `name`). */
  note(text: string, name?: string, alarm = false): void {
    const body = alarm && this.colour ? paint(text, '31') : text;
    this.write(this.prefix(name ?? SYSTEM) + body + '\n');
  }

  exited(e: ProcessExit): void {
    this.note(describeExit(e), e.name, failed(e));
  }

  private prefix(name: string): string {
    const now = Date.now();
    const second = Math.floor(now / 1000);
    if (second !== this.second) {
      // Prefixes are rebuilt once a second, not per line: this path runs for every line of output.
      this.second = second;
      this.time = timeOfDay(new Date(now));
      this.prefixes.clear();
    }
    let p = this.prefixes.get(name);
    if (p === undefined) {
      p = linePrefix(this.time, name, this.width, this.colours.get(name));
      this.prefixes.set(name, p);
    }
    return p;
  }

  /** Small pieces are gathered and written once per turn of the event loop: a write per line or two would cost
   *  a system call each. Large ones (a process's full pipe) go out at once: joining them would copy them again. */
  private write(s: string): void {
    if (s.length >= BIG) {
      this.flush();
      this.emit(s);
      return;
    }
    this.pending.push(s);
    this.pendingLength += s.length;
    if (this.pendingLength >= BIG) this.flush();
    else this.scheduled ??= setImmediate(() => this.flush());
  }

  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    if (!this.pending.length) return;
    const text = this.pending.length === 1 ? this.pending[0] : this.pending.join('');
    this.pending = [];
    this.pendingLength = 0;
    this.emit(text);
  }

  private emit(text: string): void {
    // A write of more than the stream's mark says false even when it went out at once (stdout redirected to a file
    // writes synchronously): only text really left queued is a reason to make the processes wait. Pausing them
    // on every large write halved the throughput (bench/local.bench.ts).
    if (this.out.write(text) === false && (this.out.writableLength ?? 1) > 0 && this.out.once && this.onBackpressure) {
      const once = this.out.once.bind(this.out);
      this.onBackpressure(new Promise((r) => once('drain', () => r())));
    }
  }
}
