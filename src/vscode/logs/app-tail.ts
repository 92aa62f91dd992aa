// One app's log tail: reads the tailer's events and writes each batch into the app's output channel in one append
// (ChannelText makes the text), with a header naming the filters and a marker wherever the stream had a gap. A filter
// change opens a new session (Heroku filters on its side) under a "filter changed" header; the channel keeps its text.
import { ChannelText, headerText } from '../../core/logs/channel-text';
import type { LogTailer, LogTailFilter, LogTailHandle, LogTailState } from '../../core/logs/ports';
import { LineRate, type TailFigures } from '../../core/logs/rows';
import { filterOf } from '../../core/logs/target';

/** Where the text goes: the output channel (redacted there) and, in tests, a record. */
export interface LogSink {
  append(text: string): void;
}

export type TailStatus = LogTailState | 'stopped';

export interface AppTailOptions {
  app: string;
  tailer: LogTailer;
  sink: LogSink;
  /** `HH:MM:SS` of now, for the headers. */
  timeOfDay: () => string;
  /** Milliseconds since the epoch (the Clock port), for the lines-per-second meter. */
  now: () => number;
  /** The status changed (the status bar follows). */
  onChange: (tail: AppTail) => void;
  /** Lines arrived or were dropped (the Logs view's figures; called per batch). */
  onCount?: (tail: AppTail) => void;
  onError: (err: unknown) => void;
  /** The stream failed for good (the app is gone, access was refused…): `text` is its end marker. */
  onFailed?: (tail: AppTail, text: string) => void;
}

export class AppTail {
  status: TailStatus = 'connecting';
  /** Set while waiting before a retry: the reason. */
  detail: string | undefined;
  /** The stream failed for good (the app is gone, access was refused…): its end text. */
  failure: string | undefined;
  /** Log lines the stream delivered since this tail began (across filter changes), before our own filter. */
  received = 0;
  /** Lines the stream threw away because we fell behind. */
  dropped = 0;
  private rate: LineRate;
  private filterNow: LogTailFilter = {};
  private text: ChannelText | undefined;
  private handle: LogTailHandle | undefined;
  private stopReason: string | undefined;
  /** Settles when the current stream's loop has ended. */
  done: Promise<void> = Promise.resolve();

  constructor(private readonly o: AppTailOptions) {
    this.rate = new LineRate(o.now());
  }

  get app(): string {
    return this.o.app;
  }

  get filter(): LogTailFilter {
    return this.filterNow;
  }

  get running(): boolean {
    return this.status !== 'stopped';
  }

  /** Lines written since the tail (or its last filter change) began. */
  get written(): number {
    return this.text?.written ?? 0;
  }

  /** What the Logs view shows of this tail now. */
  figures(): TailFigures {
    const state = this.status === 'stopped' && this.failure !== undefined ? 'failed' : this.status;
    const detail = state === 'failed' ? this.failure : this.detail;
    return { app: this.app, filter: this.filterNow, state, detail, received: this.received, dropped: this.dropped, perSecond: this.running ? this.rate.perSecond(this.o.now()) : 0 };
  }

  /** Starts streaming with `filter`; on a running tail this is a filter change (the old stream ends without a word). */
  start(filter: LogTailFilter): void {
    const changed = this.handle !== undefined && this.running;
    this.handle?.stop();
    this.filterNow = filterOf(filter);
    this.stopReason = undefined;
    this.status = 'connecting';
    this.detail = undefined;
    this.failure = undefined;
    const text = new ChannelText(this.filterNow);
    this.text = text;
    this.o.sink.append(headerText(this.o.app, this.filterNow, this.o.timeOfDay(), changed) + '\n');
    const handle = this.o.tailer({ app: this.o.app, ...this.filterNow });
    this.handle = handle;
    this.o.onChange(this);
    this.done = this.follow(handle, text).catch(this.o.onError);
  }

  /** Stops for good; the end marker says `reason`. */
  stop(reason: string): void {
    if (!this.running) return;
    this.stopReason = reason;
    this.handle?.stop();
  }

  private async follow(handle: LogTailHandle, text: ChannelText): Promise<void> {
    const current = () => this.handle === handle;
    try {
      for await (const e of handle) {
        if (!current()) return; // replaced by a filter change: its end says nothing
        if (e.kind === 'state') {
          this.status = e.state;
          this.detail = e.retryInMs !== undefined ? e.detail : undefined;
          this.o.onChange(this);
        } else if (e.kind === 'lines' || e.kind === 'dropped') {
          if (e.kind === 'lines') {
            this.received += e.lines.length;
            this.rate.add(e.lines.length, this.o.now());
          } else {
            this.dropped += e.count;
          }
          this.o.onCount?.(this);
        }
        const out = text.event(e, this.stopReason);
        if (out) this.o.sink.append(out);
        if (e.kind === 'end') {
          if (e.reason === 'failed') {
            this.failure = e.text.replace(/^— (log stream stopped: )?| —$/g, '');
            this.o.onFailed?.(this, e.text);
          }
          break;
        }
      }
    } finally {
      if (current()) {
        this.status = 'stopped';
        this.o.onChange(this);
      }
    }
  }
}
