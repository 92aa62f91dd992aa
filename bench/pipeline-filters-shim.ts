// A loopback shim in front of the fake Heroku for the `heroku pipelines:info` anchor: the CLI lists a pipeline's
// apps with `POST /filters/apps {in: {id: [...]}}`, which the fake does not serve yet. The shim answers that one
// from `GET /apps/{id}` and passes every other request through unchanged. Remove it once the fake has the route.
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

function body(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startFiltersShim(target: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(async (req, res) => {
    const data = await body(req);
    const headers = { ...req.headers, host: new URL(target).host };
    if (req.method === 'POST' && req.url?.split('?')[0] === '/filters/apps') {
      const ids = ((JSON.parse(data.toString() || '{}') as { in?: { id?: unknown } }).in?.id ?? []) as string[];
      const apps = await Promise.all(ids.map(async (id) => {
        const r = await fetch(`${target}/apps/${encodeURIComponent(id)}`, { headers: { Authorization: String(req.headers.authorization ?? ''), Accept: 'application/vnd.heroku+json; version=3' } });
        return r.ok ? r.json() : undefined;
      }));
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(apps.filter(Boolean)));
      return;
    }
    const out = request(`${target}${req.url ?? '/'}`, { method: req.method, headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    out.on('error', () => { res.writeHead(502); res.end(); });
    out.end(data);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
