import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { randomUUID } from 'node:crypto';
import { defaultErrorId, type ActiveFault, type Faults } from './faults';
import { HttpError, errorBody, parseJsonBody, readBody, sendJson } from './http';
import { checkAccept, checkAuth } from './protocol';
import { writeResult } from './respond';
import type { Router, Variant } from './router';
import type { SelfCheck } from './schema/self-check';
import type { FakeState } from './state/store';

export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: string;
  /** Final status; 0 when the connection was dropped before a response. */
  status: number;
  /** Request headers, names lower-cased. */
  headers: Record<string, string>;
  /** The route pattern that served it, e.g. `/apps/:app`, or undefined. */
  route?: string;
}

export interface ServerDeps {
  apiKey: string;
  router: Router;
  faults: Faults;
  requests: RecordedRequest[];
  getState: () => FakeState;
  /** The schema self-check of every 2xx JSON body (off when absent). */
  selfCheck?: SelfCheck;
}

const MAX_RECORDED = 20_000;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/** The HTTP server: recording, faults, auth, Accept, rate limit, then the route; tracks sockets so close() is prompt. */
export class FakeServer {
  readonly server: Server;
  private readonly sockets = new Set<Socket>();
  baseUrl = '';

  constructor(private readonly deps: ServerDeps) {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((e: unknown) => this.fail(res, e));
    });
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
  }

  async listen(port: number): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => resolve());
    });
    const addr = this.server.address();
    if (addr === null || typeof addr === 'string') throw new Error('fake-heroku: no TCP address');
    this.baseUrl = `http://127.0.0.1:${addr.port}`;
    return this.baseUrl;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private fail(res: ServerResponse, e: unknown): void {
    if (res.headersSent || res.destroyed) {
      res.destroy();
      return;
    }
    const err = e instanceof HttpError ? e : new HttpError(500, 'internal_server_error', `Fake Heroku error: ${(e as Error)?.message ?? String(e)}`);
    const rl = { 'RateLimit-Remaining': String(Math.max(0, this.deps.getState().rateLimitRemaining)) };
    sendJson(res, err.status, errorBody(err), { ...rl, ...err.headers });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const path = url.pathname;
    const control = path.startsWith('/__fake/');
    const match = this.deps.router.match(method, path);
    const rec: RecordedRequest = {
      method, path, query: url.search, status: 0, headers: flatHeaders(req),
      route: typeof match === 'object' ? match.pattern : undefined,
    };
    if (!control) {
      this.deps.requests.push(rec);
      // A long sandbox session must not grow without bound: keep the newest records.
      if (this.deps.requests.length > MAX_RECORDED) this.deps.requests.splice(0, this.deps.requests.length - MAX_RECORDED);
      res.on('finish', () => { rec.status = res.statusCode; });
    }
    res.setHeader('Request-Id', randomUUID());
    const state = this.deps.getState();
    state.settle();
    const isPublic = typeof match === 'object' && match.options.public === true;
    if (!isPublic) res.setHeader('RateLimit-Remaining', String(Math.max(0, state.rateLimitRemaining)));

    const fault = control ? undefined : this.deps.faults.take(method, path);
    if (fault && (await this.applyFault(req, res, fault))) return;

    let variant: Variant = '3';
    if (!isPublic) {
      checkAuth(req.headers, this.deps.apiKey);
      if (!control) {
        variant = checkAccept(req.headers);
        if (state.rateLimitRemaining <= 0) {
          throw new HttpError(429, 'rate_limit', 'Your account reached the API rate limit. Please wait a few minutes before making new requests.', { 'Retry-After': String(state.rateLimitRetryAfter) });
        }
        state.rateLimitRemaining -= 1;
        res.setHeader('RateLimit-Remaining', String(state.rateLimitRemaining));
      }
    }
    if (match === undefined) throw new HttpError(404, 'not_found', `The requested API endpoint was not found. Are you using the right HTTP verb (${method} ${path})?`);
    if (match === 'method') throw new HttpError(405, 'method_not_allowed', `${method} is not allowed on ${path}.`);
    const body = method === 'GET' || method === 'HEAD' || match.options.rawBody ? undefined : parseJsonBody(await readBody(req));
    const result = await match.handler({ req, params: match.params, query: url.searchParams, body, state, variant, baseUrl: this.baseUrl, fault });
    const selfCheck = control || isPublic ? undefined : this.deps.selfCheck;
    writeResult(req, res, result, {}, fault, selfCheck && ((status, b) => selfCheck.check(method, path, variant, status, b)));
  }

  /** Applies a fault; true when it fully answered (or dropped) the request. */
  private async applyFault(req: IncomingMessage, res: ServerResponse, f: ActiveFault): Promise<boolean> {
    if (f.delayMs) await sleep(f.delayMs);
    if (f.drop && f.afterBytes === undefined) {
      req.socket.destroy();
      return true;
    }
    if (f.retryAfter !== undefined || f.status === 429) {
      throw new HttpError(429, 'rate_limit', 'Your account reached the API rate limit. Please wait a few minutes before making new requests.', { 'Retry-After': String(f.retryAfter ?? 1) });
    }
    if (f.status !== undefined) {
      const id = f.errorId ?? defaultErrorId(f.status);
      throw new HttpError(f.status, id, `Injected fault: ${f.status} ${id}.`);
    }
    return false;
  }
}
