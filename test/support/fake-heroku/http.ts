import type { IncomingMessage, ServerResponse } from 'node:http';

/** An error the fake answers with Heroku's `{id, message}` body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly id: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string): HttpError =>
  new HttpError(404, 'not_found', `Couldn't find that ${what}.`);

export const invalidParams = (message: string): HttpError => new HttpError(422, 'invalid_params', message);

/** Reads the whole request body (bounded, so a runaway client cannot exhaust memory). */
export async function readBody(req: IncomingMessage, limit = 1_000_000): Promise<string> {
  return (await readBytes(req, limit)).toString('utf8');
}

/** The request body as bytes, at most `limit` of them (413 beyond). */
export function readBytes(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new HttpError(413, 'request_entity_too_large', 'Request body too large.'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Parses a JSON request body; an empty body is `{}`, a malformed one is Heroku's 400 bad_request. */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'bad_request', 'Invalid JSON in request body.');
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

export function errorBody(e: HttpError): { id: string; message: string } {
  return { id: e.id, message: e.message };
}

/** Narrowing helpers for request bodies: bad input becomes a 422 rather than a crash. */
export function asObject(v: unknown, what = 'request body'): Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw invalidParams(`Expected ${what} to be an object.`);
  return v as Record<string, unknown>;
}
