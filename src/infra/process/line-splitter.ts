// Whole lines out of a byte stream: a line that arrives in pieces is carried over to the next chunk and handed
// on whole; lines are never merged. Decoding happens per block of whole lines, so a UTF-8 character is never
// cut either ('\n' cannot occur inside one).

/** A line longer than this is handed on in pieces: memory stays bounded when a process never ends its line. */
export const MAX_LINE_BYTES = 1 << 20;

export class LineSplitter {
  private carry: Buffer | undefined;

  /** `emit` gets one or more whole lines, each ending in '\n'. */
  constructor(private readonly emit: (lines: string) => void, private readonly maxLine = MAX_LINE_BYTES) {}

  push(chunk: Buffer): void {
    if (chunk.length === 0) return;
    const nl = chunk.lastIndexOf(10);
    if (nl < 0) {
      this.carry = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
      if (this.carry.length >= this.maxLine) this.end();
      return;
    }
    const head = nl + 1 === chunk.length ? chunk : chunk.subarray(0, nl + 1);
    const text = this.carry ? Buffer.concat([this.carry, head]).toString('utf8') : head.toString('utf8');
    this.carry = nl + 1 < chunk.length ? chunk.subarray(nl + 1) : undefined;
    this.emit(text);
  }

  /** The stream ended: a last line without a line break is handed on, with one. */
  end(): void {
    if (!this.carry) return;
    const rest = this.carry;
    this.carry = undefined;
    this.emit(rest.toString('utf8') + '\n');
  }
}
