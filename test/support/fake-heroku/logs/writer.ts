// Writes log lines to one logplex connection, as plain text or Server-Sent Events, with back-pressure (waits for
// 'drain'), and injects the connection faults a script asks for: a drop in the middle of a line, silence with the
// connection left open, invalid UTF-8 bytes inside a line, or a cut after N bytes (the generic drop fault).
import type { ServerResponse } from 'node:http';

export interface WriterFaults {
  /** Write this many lines whole, then half of the next one, then destroy the socket. */
  dropAfterLines?: number;
  /** Write this many lines, then nothing more (the connection stays open). */
  silenceAfterLines?: number;
  /** Lines whose id is a multiple of this get the bytes FF FE C3 (never valid UTF-8) in the middle. */
  invalidUtf8Every?: number;
  /** Destroy the socket after this many bytes (the `{drop: true, afterBytes}` fault). */
  afterBytes?: number;
}

export type WriteOutcome = 'ok' | 'cut' | 'silenced' | 'closed';

const BAD_UTF8 = Buffer.from([0xff, 0xfe, 0xc3]);

export class LineWriter {
  /** Lines written whole on this connection. */
  lines = 0;
  private bytes = 0;
  private state: WriteOutcome = 'ok';

  constructor(private readonly res: ServerResponse, private readonly sse: boolean, private readonly faults: WriterFaults = {}) {
    res.on('close', () => {
      if (this.state === 'ok' || this.state === 'silenced') this.state = 'closed';
    });
  }

  get outcome(): WriteOutcome {
    return this.state;
  }

  private frame(line: string, id: number): string {
    return this.sse ? `id: ${id}\ndata: ${line.includes('\n') ? line.split('\n').join('\ndata: ') : line}\n\n` : `${line}\n`;
  }

  /** Cuts the connection after writing `part` (flushed first, so the client sees the partial line). */
  private cut(part: string | Buffer): void {
    this.state = 'cut';
    this.res.write(part, () => this.res.socket?.destroy());
  }

  /**
   * Writes `lines` (ids from `firstId`), stopping early on a fault or a closed connection. Resolves with how many
   * were written whole and what happened.
   */
  async write(lines: readonly string[], firstId: number): Promise<{ complete: number; outcome: WriteOutcome }> {
    const f = this.faults;
    let chunk = '';
    let complete = 0;
    const flush = async (): Promise<void> => {
      if (chunk === '' || this.state !== 'ok') return;
      const ok = this.res.write(chunk);
      chunk = '';
      if (!ok) await this.drain();
    };
    for (let j = 0; j < lines.length && this.state === 'ok'; j++) {
      const n = this.lines + 1;
      const id = firstId + j;
      const text = this.frame(lines[j], id);
      if (f.silenceAfterLines !== undefined && n > f.silenceAfterLines) {
        await flush();
        if (this.state === 'ok') this.state = 'silenced';
        break;
      }
      if (f.dropAfterLines !== undefined && n > f.dropAfterLines) {
        this.cut(chunk + text.slice(0, Math.max(1, Math.floor(text.length / 2))));
        break;
      }
      const bad = f.invalidUtf8Every !== undefined && id % f.invalidUtf8Every === 0;
      const data: string | Buffer = bad ? Buffer.concat([Buffer.from(text.slice(0, text.length >> 1)), BAD_UTF8, Buffer.from(text.slice(text.length >> 1))]) : text;
      if (f.afterBytes !== undefined) {
        const size = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
        const pending = Buffer.byteLength(chunk);
        if (this.bytes + pending + size > f.afterBytes) {
          const buf = Buffer.concat([Buffer.from(chunk), typeof data === 'string' ? Buffer.from(data) : data]);
          this.cut(buf.subarray(0, Math.max(0, f.afterBytes - this.bytes)));
          break;
        }
        this.bytes += size;
      }
      if (bad) {
        await flush();
        if (this.state !== 'ok') break;
        if (!this.res.write(data)) await this.drain();
      } else {
        chunk += data;
        if (chunk.length > 131072) await flush();
      }
      this.lines++;
      complete++;
    }
    await flush();
    return { complete, outcome: this.state };
  }

  private drain(): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        this.res.off('drain', done);
        this.res.off('close', done);
        resolve();
      };
      this.res.on('drain', done);
      this.res.on('close', done);
    });
  }
}
