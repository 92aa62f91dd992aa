// A TCP port free on 127.0.0.1 right now (the OS picks it): for a process under test to listen on, so a test never
// meets a port in use on the machine.
import { createServer } from 'node:net';

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}
