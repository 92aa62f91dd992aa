// Whole lines out of a byte stream: a line that arrives in pieces is carried over to the next chunk and handed
// on whole; lines are never merged. Lines are handed on as bytes, in blocks of whole lines, so whoever decodes
// them never meets a cut UTF-8 character ('\n' cannot occur inside one).

/** A line longer than this is handed on in pieces: memory stays bounded when a process never ends its line. */
export const MAX_LINE_BYTES = 1 << 20;

const NEWLINE = Buffer.from('\n');

export class LineSplitter {
  private carry: Buffer | undefined;

  /** `emit` gets one or more whole lines, each ending in '\n'. */
  constructor(private readonly emit: (lines: Buffer) => void, private readonly maxLine = MAX_LINE_BYTES) {}

  push(chunk: Buffer): void {
    if (chunk.length === 0) return;
    const nl = chunk.lastIndexOf(10);
    if (nl < 0) {
      this.carry = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
      if (this.carry.length >= this.maxLine) this.end();
      return;
    }
    const carry = this.carry;
    this.carry = nl + 1 < chunk.length ? chunk.subarray(nl + 1) : undefined;
    if (!carry) {
      this.emit(nl + 1 === chunk.length ? chunk : chunk.subarray(0, nl + 1));
      return;
    }
    // Only the line that was carried over is joined (a copy): joining the whole chunk copied every byte again.
    const first = chunk.indexOf(10);
    this.emit(Buffer.concat([carry, chunk.subarray(0, first + 1)]));
    if (first < nl) this.emit(chunk.subarray(first + 1, nl + 1));
  }

  /** The stream ended: a last line without a line break is handed on, with one. */
  end(): void {
    if (!this.carry) return;
    const rest = this.carry;
    this.carry = undefined;
    this.emit(Buffer.concat([rest, NEWLINE]));
  }
}
