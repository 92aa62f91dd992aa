import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ActiveFault } from './faults';
import type { FakeState } from './state/store';

export type Variant = '3' | '3.sdk';

export interface RouteContext {
  readonly req: IncomingMessage;
  readonly params: Record<string, string>;
  readonly query: URLSearchParams;
  readonly body: unknown;
  readonly state: FakeState;
  readonly variant: Variant;
  /** Base URL of this server, for URLs the fake hands out (logplex, release output). */
  readonly baseUrl: string;
  /** The fault matched for this request, if any (streams use drop/afterBytes). */
  readonly fault?: ActiveFault;
}

/** What a handler returns: a JSON body, a list (paged by the server), or a raw writer (streams, text). */
export type RouteResult =
  | { kind: 'json'; status?: number; body: unknown }
  | { kind: 'list'; items: readonly Record<string, unknown>[]; sortFields: readonly string[] }
  | { kind: 'raw'; write: (res: ServerResponse) => void };

/** A route's work; async for the few that wait (a request body of bytes, starting the rendezvous server). */
export type Handler = (ctx: RouteContext) => RouteResult | Promise<RouteResult>;

export interface RouteOptions {
  /** Served without the API's Bearer auth and Accept checks (logplex and output URLs carry their own token). */
  readonly public?: boolean;
  /** The handler reads the request body itself (bytes, not JSON): `ctx.body` is undefined. */
  readonly rawBody?: boolean;
}

interface Route {
  method: string;
  pattern: string;
  regex: RegExp;
  names: string[];
  handler: Handler;
  options: RouteOptions;
}

export interface Match {
  handler: Handler;
  params: Record<string, string>;
  pattern: string;
  options: RouteOptions;
}

/** Tiny router: patterns such as `/apps/:app/formation/:type`; a `:param` matches one path segment. */
export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: Handler, options: RouteOptions = {}): this {
    const names: string[] = [];
    const source = pattern
      .split('/')
      .map((seg) => {
        if (seg.startsWith(':')) {
          names.push(seg.slice(1));
          return '([^/]+)';
        }
        return seg.replace(/[.*+?^${}()|[\]\\~]/g, '\\$&');
      })
      .join('/');
    this.routes.push({ method, pattern, regex: new RegExp(`^${source}/?$`), names, handler, options });
    return this;
  }

  get(p: string, h: Handler, o?: RouteOptions): this { return this.add('GET', p, h, o); }
  post(p: string, h: Handler, o?: RouteOptions): this { return this.add('POST', p, h, o); }
  patch(p: string, h: Handler, o?: RouteOptions): this { return this.add('PATCH', p, h, o); }
  delete(p: string, h: Handler, o?: RouteOptions): this { return this.add('DELETE', p, h, o); }
  put(p: string, h: Handler, o?: RouteOptions): this { return this.add('PUT', p, h, o); }

  /** The match for method+path, `'method'` when only the method is wrong, or undefined. */
  match(method: string, path: string): Match | 'method' | undefined {
    let pathMatched = false;
    for (const r of this.routes) {
      const m = r.regex.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (r.method !== method) continue;
      const params: Record<string, string> = {};
      r.names.forEach((n, i) => {
        params[n] = safeDecode(m[i + 1]);
      });
      return { handler: r.handler, params, pattern: r.pattern, options: r.options };
    }
    return pathMatched ? 'method' : undefined;
  }

  list(): { method: string; pattern: string }[] {
    return this.routes.map((r) => ({ method: r.method, pattern: r.pattern }));
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
