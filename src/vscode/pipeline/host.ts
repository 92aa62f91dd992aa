// One webview panel's side of the protocol (src/shared/pipeline-protocol.ts): holds messages until the page says
// `ready` (then sends the newest model and anything else queued), answers each request exactly once with a value
// (a handler's throw becomes `{ok: false, message}`; a cancelled prompt `{ok: true, value: null}`), and reports
// what the page drew.
import * as vscode from 'vscode';
import { parseWebviewMessage, type HostMessage, type Outcome, type RequestMap, type RequestName } from '../../shared/pipeline-protocol';
import { describeError, type Logger } from '../log';
import { UserCancelled } from '../commands';

export type Handlers = { [K in RequestName]?: (params: RequestMap[K]['params']) => Promise<RequestMap[K]['result']> };

export interface Rendered {
  seq: number;
  cards: number;
  at: number;
}

export class WebviewHost implements vscode.Disposable {
  private ready = false;
  private queue: HostMessage[] = [];
  private readonly subs: vscode.Disposable[] = [];
  private readonly renderedEmitter = new vscode.EventEmitter<Rendered>();
  /** The page drew a model (seq of the model, how many cards). */
  readonly onDidRender = this.renderedEmitter.event;
  lastRendered: Rendered | undefined;
  /** The page's first drawing (the benchmark reads it). */
  firstRendered: Rendered | undefined;
  /** performance.now() when the page first said ready (the benchmark reads it). */
  readyAt: number | undefined;

  constructor(private readonly webview: vscode.Webview, private readonly handlers: Handlers, private readonly log: Logger,
    private readonly onReady: () => void) {
    this.subs.push(this.renderedEmitter, webview.onDidReceiveMessage((raw) => this.receive(raw)));
  }

  /** Models replace an older queued model of the same type; other messages queue in order. */
  post(m: HostMessage): void {
    if (!this.ready) {
      if (m.type === 'diagram' || m.type === 'timeline') this.queue = this.queue.filter((q) => q.type !== m.type);
      this.queue.push(m);
      return;
    }
    void this.webview.postMessage(m);
  }

  private receive(raw: unknown): void {
    const m = parseWebviewMessage(raw);
    if (!m) {
      this.log.warn('pipeline webview: ignored a message that is not part of the protocol');
      return;
    }
    if (m.type === 'ready') {
      // A reload of the page (e.g. after the webview was moved) says ready again: send the current state again.
      this.ready = true;
      this.readyAt ??= performance.now();
      const queued = this.queue.splice(0);
      for (const q of queued) void this.webview.postMessage(q);
      if (!queued.some((q) => q.type === 'diagram' || q.type === 'timeline')) this.onReady();
      return;
    }
    if (m.type === 'rendered') {
      this.lastRendered = { seq: m.seq, cards: m.cards, at: performance.now() };
      this.firstRendered ??= this.lastRendered;
      this.renderedEmitter.fire(this.lastRendered);
      return;
    }
    void this.handle(m.method, m.params).then((result) => this.webview.postMessage({ type: 'response', requestId: m.requestId, result }));
  }

  /** Runs a request's handler and turns its outcome into a value (also the test hook's way in). */
  async handle(method: RequestName, params: unknown): Promise<Outcome<unknown>> {
    const handler = this.handlers[method] as ((p: unknown) => Promise<unknown>) | undefined;
    if (!handler) return { ok: false, message: `${method} is not available here.` };
    try {
      return { ok: true, value: (await handler(params)) ?? null };
    } catch (err) {
      if (err instanceof UserCancelled) return { ok: true, value: null };
      this.log.error(`pipeline webview: ${method} failed`, err);
      return { ok: false, message: describeError(err) };
    }
  }

  dispose(): void {
    for (const s of this.subs.splice(0)) s.dispose();
  }
}
