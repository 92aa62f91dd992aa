// One GET of a logplex_url with Node's http(s): plain chunked text or SSE by content type, decoded as UTF-8
// (invalid bytes become U+FFFD, characters split across chunks are joined), framed into lines. No API token is sent:
// the URL carries its own session token, and it is never logged or put into an error.
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Clock } from '../../core/heroku/ports';
import { LineSplitter, SseFramer, type Framer } from './framing';

export type ConnectionEnd =
  /** The server ended the stream cleanly. */
  | { kind: 'ended' }
  /** The socket broke, or nothing arrived for silenceMs. */
  | { kind: 'dropped'; reason: string }
  /** We closed it (stop, or a renewed session took over). */
  | { kind: 'closed' };

export type OpenResult = { ok: true; sse: boolean } | { ok: false; status: number; reason: string };

export interface ConnectionOptions {
  url: string;
  accept: string;
  userAgent: string;
  clock: Clock;
  maxLineChars: number;
  connectTimeoutMs: number;
  silenceMs: number;
  /** Where lines go; may be replaced while the connection runs (session renewal). */
  onLine: (line: string) => void;
  onTruncated: (skippedChars: number) => void;
}

const ACCEPT = { sse: 'text/event-stream', plain: 'text/plain', any: 'text/event-stream, text/plain;q=0.9, */*;q=0.1' } as const;

export function acceptHeader(kind: 'sse' | 'plain' | 'any'): string {
  return ACCEPT[kind];
}

export class Connection {
  onLine: (line: string) => void;
  private req: ClientRequest | undefined;
  private res: IncomingMessage | undefined;
  private framer: Framer | undefined;
  private finished = false;
  private paused = false;
  private lastData = 0;
  private cancelWatchdog: (() => void) | undefined;
  private resolveDone!: (end: ConnectionEnd) => void;
  readonly done: Promise<ConnectionEnd>;

  constructor(private readonly o: ConnectionOptions) {
    this.onLine = o.onLine;
    this.done = new Promise((resolve) => { this.resolveDone = resolve; });
  }

  /** Sends the GET; resolves when the answer's headers are in (or it failed). */
  open(): Promise<OpenResult> {
    return new Promise<OpenResult>((resolve) => {
      let settled = false;
      const settle = (r: OpenResult): void => {
        if (settled) return;
        settled = true;
        cancelConnect();
        if (!r.ok) this.finish({ kind: 'dropped', reason: r.reason });
        resolve(r);
      };
      const connectTimer = this.o.clock.setTimer(() => {
        settle({ ok: false, status: 0, reason: `no answer from the log stream within ${Math.round(this.o.connectTimeoutMs / 1000)} s` });
        this.req?.destroy();
      }, this.o.connectTimeoutMs);
      const cancelConnect = (): void => { connectTimer.dispose(); };
      let url: URL;
      try {
        url = new URL(this.o.url);
      } catch {
        settle({ ok: false, status: 0, reason: 'the log session URL is not a URL' });
        return;
      }
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const req = send(url, { method: 'GET', headers: { Accept: this.o.accept, 'User-Agent': this.o.userAgent } });
      this.req = req;
      req.on('error', (e: NodeJS.ErrnoException) => {
        const reason = e.code ? `connection failed (${e.code})` : 'connection failed';
        settle({ ok: false, status: 0, reason });
        this.finish({ kind: 'dropped', reason });
      });
      req.on('response', (res) => {
        if (this.finished) {
          res.destroy();
          return;
        }
        if (res.statusCode !== 200) {
          res.resume();
          settle({ ok: false, status: res.statusCode ?? 0, reason: `the log stream answered ${res.statusCode}` });
          req.destroy();
          return;
        }
        const sse = (res.headers['content-type'] ?? '').includes('text/event-stream');
        this.attach(res, sse);
        settle({ ok: true, sse });
      });
      req.end();
    });
  }

  private attach(res: IncomingMessage, sse: boolean): void {
    this.res = res;
    const sink = { line: (l: string) => this.onLine(l), truncated: (n: number) => this.o.onTruncated(n) };
    this.framer = sse ? new SseFramer(sink, this.o.maxLineChars) : new LineSplitter(sink, this.o.maxLineChars);
    res.setEncoding('utf8');
    // Nothing flows until start(): the owner first decides where the lines go.
    this.paused = true;
    res.pause();
    this.lastData = this.o.clock.now();
    res.on('data', (chunk: string) => {
      this.lastData = this.o.clock.now();
      this.framer?.push(chunk);
    });
    res.on('end', () => {
      this.framer?.end(true);
      this.finish({ kind: 'ended' });
    });
    res.on('error', () => this.finish({ kind: 'dropped', reason: 'the connection broke' }));
    res.on('close', () => this.finish({ kind: 'dropped', reason: 'the connection broke' }));
    this.armWatchdog(this.o.silenceMs);
  }

  /** Reconnects when nothing came for silenceMs (time spent paused by us does not count). */
  private armWatchdog(ms: number): void {
    const watchdog = this.o.clock.setTimer(() => {
      if (this.finished) return;
      const idle = this.o.clock.now() - this.lastData;
      if (this.paused || idle < this.o.silenceMs) {
        this.armWatchdog(this.paused ? this.o.silenceMs : this.o.silenceMs - idle);
        return;
      }
      this.finish({ kind: 'dropped', reason: `nothing arrived for ${Math.round(this.o.silenceMs / 1000)} s` });
    }, ms);
    this.cancelWatchdog = () => { watchdog.dispose(); };
  }

  /** Lets the lines flow (after open() succeeded). */
  start(): void {
    this.resume();
  }

  pause(): void {
    if (this.paused) return;
    this.paused = true;
    this.res?.pause();
  }

  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    this.lastData = this.o.clock.now();
    this.res?.resume();
  }

  /** Ends the request (the server sees the connection close). */
  close(): void {
    this.finish({ kind: 'closed' });
  }

  private finish(end: ConnectionEnd): void {
    if (this.finished) return;
    this.finished = true;
    this.cancelWatchdog?.();
    // A line cut by a drop is never merged into the next connection's first line: it is discarded here (and comes
    // back whole in the next session's replay on Cedar).
    if (end.kind !== 'ended') this.framer?.end(false);
    this.framer = undefined;
    this.res?.destroy();
    this.req?.destroy();
    this.resolveDone(end);
  }
}
