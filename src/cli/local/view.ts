// The terminal side of `heroku-workflows local`: `time type.N | line` for every line of every process, and the
// runner's own lines (started, exited, stopping) in the same column layout.
import { describeExit, failed, type ProcessExit } from '../../core/runner/exit';
import { colourCode, linePrefix, paint, plainBytes, prefixLines, timeOfDay, type PlainBytes } from '../../core/runner/output';

export interface Out {
  write(s: string | Uint8Array): unknown;
  once?(event: 'drain', listener: () => void): unknown;
  /** What is still queued after a write (Node's streams). */
  readonly writableLength?: number;
}

const SYSTEM = 'runner';
const BIG = 16 * 1024;
/** The buffer: output not written yet in [0, OUTPUT); after it, room for a prefix and a block of lines to prefix
 *  (a pipe read is 64 KB; more, with a long line carried over, takes the text path). */
const OUTPUT = 512 * 1024;
const INPUT = 256 * 1024;

interface Prefix {
  text: string;
  bytes: Buffer;
}

export class LocalView {
  private readonly colours = new Map<string, string | undefined>();
  private readonly width: number;
  private second = -1;
  private time = '';
  private readonly prefixes = new Map<string, Prefix>();
  /** Output not written yet, encoded: buf[0, used). Undefined after the stream kept it (see flush). The buffer is
   *  the byte path's memory (`plain`), when there is one. */
  private buf: Buffer | undefined;
  private plainBytes: PlainBytes | undefined;
  /** The stream kept a buffer once: it gets copies from then on (see flush). */
  private keeps = false;
  private used = 0;
  private scheduled: NodeJS.Immediate | undefined;

  /** `names` in display order: each gets its colour by position. */
  constructor(private readonly out: Out, names: string[], private readonly colour: boolean, private readonly onBackpressure?: (drained: Promise<void>) => void) {
    names.forEach((n, i) => this.colours.set(n, colour ? colourCode(i) : undefined));
    this.width = Math.max(SYSTEM.length, ...names.map((n) => n.length));
  }

  /** Whole lines from a process, as it wrote them (the supervisor's `outputBytes`). */
  lines(name: string, block: Buffer): void {
    const prefix = this.prefix(name);
    if (!this.plain(prefix.bytes, block)) this.write(prefixLines(block.toString('utf8'), prefix.text, this.colour));
  }

  /** A line of the runner's own about a process (or about everything, without `name`). */
  note(text: string, name?: string, alarm = false): void {
    const body = alarm && this.colour ? paint(text, '31') : text;
    this.write(this.prefix(name ?? SYSTEM).text + body + '\n');
  }

  exited(e: ProcessExit): void {
    this.note(describeExit(e), e.name, failed(e));
  }

  private prefix(name: string): Prefix {
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
      const text = linePrefix(this.time, name, this.width, this.colours.get(name));
      p = { text, bytes: Buffer.from(text) };
      this.prefixes.set(name, p);
    }
    return p;
  }

  /** Lines of plain ASCII prefixed as bytes, straight into the buffer (plainBytes: why); false when the block is
   *  something else, or there is no byte path, for the text path. */
  private plain(prefix: Buffer, block: Buffer): boolean {
    const buf = this.buffer();
    const bytes = this.plainBytes;
    const from = OUTPUT + prefix.length;
    if (!bytes || from + block.length > buf.length) return false;
    buf.set(prefix, OUTPUT);
    buf.set(block, from);
    const end = bytes.prefix({ prefixAt: OUTPUT, prefixEnd: from, from, to: from + block.length, at: this.used, end: OUTPUT });
    if (end < 0) return false;
    this.wrote(end);
    return true;
  }

  /** Small pieces are gathered and written once per turn of the event loop: a write per line or two would cost
   *  a system call each. Text is encoded straight into the buffer (a string handed to the stream was encoded into
   *  a new Buffer on every write); text too long for it goes out as it is. */
  private write(s: string): void {
    if (s.length * 3 > OUTPUT - this.used) {
      this.flush();
      if (s.length * 3 > OUTPUT) {
        this.emit(s);
        return;
      }
    }
    const buf = this.buffer();
    this.wrote(this.used + buf.write(s, this.used));
  }

  /** The buffer, a new one after the stream kept the last (see flush). */
  private buffer(): Buffer {
    if (this.buf) return this.buf;
    this.plainBytes = plainBytes(OUTPUT + INPUT);
    const b = this.plainBytes?.bytes;
    this.buf = b ? Buffer.from(b.buffer, b.byteOffset, OUTPUT + INPUT) : Buffer.allocUnsafe(OUTPUT + INPUT);
    return this.buf;
  }

  private wrote(used: number): void {
    this.used = used;
    if (used >= BIG) this.flush();
    else this.scheduled ??= setImmediate(() => this.flush());
  }

  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    if (!this.buf || !this.used) return;
    // A stream that cannot write at once keeps what it was given until it can, and the buffer is reused (it is the
    // byte path's WebAssembly memory). The stream gets a copy when something is queued already, and always once it
    // has kept one buffer (a pipe: node writes to pipes asynchronously, and a write past the pipe's 64 KB stays
    // queued). That one buffer is the stream's; a new one takes its place. A file is written at once: no copies.
    const copy = this.keeps || (this.out.writableLength ?? 1) > 0;
    const bytes = copy ? Buffer.from(this.buf.subarray(0, this.used)) : this.buf.subarray(0, this.used);
    this.used = 0;
    this.emit(bytes);
    if (!copy && (this.out.writableLength ?? 1) > 0) {
      this.buf = undefined;
      this.keeps = true;
    }
  }

  private emit(bytes: string | Uint8Array): void {
    // A write of more than the stream's mark says false even when it went out at once (stdout redirected to a file
    // writes synchronously): only text really left queued is a reason to make the processes wait. Pausing them
    // on every large write halved the throughput (bench/local.bench.ts).
    if (this.out.write(bytes) === false && (this.out.writableLength ?? 1) > 0 && this.out.once && this.onBackpressure) {
      const once = this.out.once.bind(this.out);
      this.onBackpressure(new Promise((r) => once('drain', () => r())));
    }
  }
}
