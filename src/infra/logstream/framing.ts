// Decoded text of one connection → whole lines. Plain streams are split on newlines with the partial line at a
// chunk's end carried to the next chunk; SSE streams go through eventsource-parser and every event's data counts
// (whatever its event type), one log line per data line. A line that never ends is cut at maxChars so memory stays
// bounded. At the end of a stream a partial line is returned, never merged into the next connection's first line.
import { createParser, type EventSourceParser } from 'eventsource-parser';

export interface FramerSink {
  line(text: string): void;
  /** A line longer than the limit: its first maxChars were delivered, `skipped` more were thrown away. */
  truncated(skipped: number): void;
}

export interface Framer {
  push(chunk: string): void;
  /** The stream ended. `complete`: it ended cleanly, so a last line without newline is whole and delivered. */
  end(complete: boolean): void;
}

export class LineSplitter implements Framer {
  private carry = '';
  /** Characters skipped of the current overlong line (0 when not skipping). */
  private skipping = 0;

  constructor(private readonly sink: FramerSink, private readonly maxChars: number) {}

  private emit(text: string): void {
    const end = text.length > 0 && text.charCodeAt(text.length - 1) === 13 ? text.length - 1 : text.length;
    if (end > 0) this.sink.line(end === text.length ? text : text.slice(0, end));
  }

  push(chunk: string): void {
    let start = 0;
    for (let nl = chunk.indexOf('\n'); nl >= 0; nl = chunk.indexOf('\n', start)) {
      if (this.skipping > 0) {
        this.sink.truncated(this.skipping + nl - start);
        this.skipping = 0;
      } else if (this.carry !== '') {
        this.emit(this.carry + chunk.slice(start, nl));
        this.carry = '';
      } else {
        this.emit(chunk.slice(start, nl));
      }
      start = nl + 1;
    }
    if (start >= chunk.length) return;
    if (this.skipping > 0) {
      this.skipping += chunk.length - start;
      return;
    }
    this.carry = this.carry === '' ? chunk.slice(start) : this.carry + chunk.slice(start);
    if (this.carry.length > this.maxChars) {
      this.emit(this.carry.slice(0, this.maxChars));
      this.skipping = this.carry.length - this.maxChars;
      this.carry = '';
    }
  }

  end(complete: boolean): void {
    if (this.skipping > 0) this.sink.truncated(this.skipping);
    else if (complete && this.carry !== '') this.emit(this.carry);
    this.carry = '';
    this.skipping = 0;
  }
}

export class SseFramer implements Framer {
  private readonly parser: EventSourceParser;
  /** Characters since the last blank line (the end of an event). */
  private pending = 0;
  /** Characters skipped of an oversized event (0 when not skipping). */
  private skipping = 0;

  constructor(private readonly sink: FramerSink, private readonly maxChars: number) {
    this.parser = createParser({
      onEvent: (e) => {
        const data = e.data;
        if (data.indexOf('\n') < 0) {
          if (data !== '') this.sink.line(data);
          return;
        }
        for (const l of data.split('\n')) if (l !== '') this.sink.line(l);
      },
    });
  }

  push(chunk: string): void {
    if (this.skipping > 0) {
      // Drop input up to the end of the oversized event, then parse again from there.
      const end = chunk.indexOf('\n\n');
      if (end < 0) {
        this.skipping += chunk.length;
        return;
      }
      this.sink.truncated(this.skipping + end);
      this.skipping = 0;
      chunk = chunk.slice(end + 2);
    }
    const boundary = chunk.lastIndexOf('\n\n');
    const tail = boundary < 0 ? this.pending + chunk.length : chunk.length - boundary - 2;
    if (tail <= this.maxChars) {
      this.pending = tail;
      this.parser.feed(chunk);
      return;
    }
    // The event being read is longer than any line may be: keep the complete events, give that one up.
    if (boundary >= 0) this.parser.feed(chunk.slice(0, boundary + 2));
    this.parser.reset({ consume: false });
    this.skipping = tail;
    this.pending = 0;
  }

  end(_complete: boolean): void {
    // An event without its blank line is incomplete (the SSE rule), whether the stream ended cleanly or dropped.
    this.parser.reset({ consume: false });
    if (this.skipping > 0) this.sink.truncated(this.skipping);
    this.skipping = 0;
    this.pending = 0;
  }
}
