// How soon the standalone fake Heroku (scripts/fake-heroku.ts, what the host tests and the sandbox run) exits on
// SIGTERM while a client holds a tailing log stream open: a stream must not keep it alive. The unit test
// (test/unit/support/fake-heroku/control.test.ts) checks that it exits 0 and ends the stream; this is the figure.
//   fake_heroku_sigterm_exit_ms   SIGTERM to exit, median of 5 (goal ≤ 3000)
// Run: node bench/run.mjs fake-heroku
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = join(__dirname, '..');

async function once(): Promise<number> {
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/fake-heroku.ts'), '--json', '--seed', 'demo', '--port', '0', '--log-interval', '50'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`the fake exited early with ${code}`)));
    });
    const { url, apiKey } = JSON.parse(line) as { url: string; apiKey: string };
    const headers = { Authorization: `Bearer ${apiKey}`, Accept: 'application/vnd.heroku+json; version=3', 'Content-Type': 'application/json' };
    const session = (await (await fetch(`${url}/apps/acme-api/log-sessions`, { method: 'POST', headers, body: '{"tail":true}' })).json()) as { logplex_url: string };
    const stream = await fetch(session.logplex_url);
    const reader = stream.body!.getReader();
    await reader.read();
    const t0 = performance.now();
    child.kill('SIGTERM');
    const code = await exited;
    const ms = performance.now() - t0;
    await reader.cancel().catch(() => undefined);
    if (code !== 0) throw new Error(`the fake exited with ${code} on SIGTERM`);
    return ms;
  } finally {
    child.kill('SIGKILL');
  }
}

async function main(): Promise<void> {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) runs.push(await once());
  runs.sort((a, b) => a - b);
  const value = Math.round(runs[Math.floor(runs.length / 2)] * 10) / 10;
  process.stdout.write(`${JSON.stringify({ name: 'fake_heroku_sigterm_exit_ms', value, unit: 'ms' })}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
