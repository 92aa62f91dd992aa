// Processes left running after `heroku-workflows local` stops, in one run beside its anchors:
//   local_orphans_after_100_cycles   100 starts of the CLI on a Procfile whose processes leave background children
//                                    (`sleep & sleep`) and one that ignores SIGTERM; every other cycle is ended by
//                                    Ctrl-C (SIGINT to the terminal's process group), the rest by SIGKILL of the
//                                    CLI alone (a crash, a killed terminal). Processes alive afterwards; goal 0.
//   local_orphans_after_10_cycles_nf, _heroku   the anchors, 10 cycles each (heroku local takes ~1 s to start).
// Survivors are counted by a marker in their command line, after waiting for them to go (up to 10 s), then
// killed. A runner still running 15 s after Ctrl-C (anchors: 3 s; nf waits for the SIGTERM-ignoring process
// forever) is killed with SIGKILL and said so. Run: node bench/run.mjs local-orphans
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { anchors, builtCli, emit, FIXTURES, liveWithMarker, log, until } from '../test/fixtures/runner/bench-support';

const dir = mkdtempSync(join(tmpdir(), 'hw-bench-orphans-'));

/** A Procfile whose processes all carry `marker`: 4 sleeps (2 in the background) and a SIGTERM-ignoring node. */
function procfile(marker: string): void {
  writeFileSync(join(dir, 'Procfile'), [
    `a: sleep ${marker} & sleep ${marker}`,
    `b: sleep ${marker} & sleep ${marker}`,
    `stubborn: node ${JSON.stringify(join(FIXTURES, 'ignore-term.js'))} ${marker}`,
  ].join('\n') + '\n');
}

/** Processes of one cycle: for each of a and b a shell and two sleeps, and the stubborn one's shell and node. */
const PER_CYCLE = 8;

/** One start of `node argv` in its own process group (a terminal's foreground job), ended by Ctrl-C or SIGKILL. */
async function cycle(argv: string[], env: NodeJS.ProcessEnv, marker: string, ctrlC: boolean, exitWaitMs: number): Promise<void> {
  const before = new Set(liveWithMarker(marker));
  const c = spawn(process.execPath, argv, { cwd: dir, env, detached: true, stdio: ['ignore', 'pipe', 'ignore'] });
  let out = '';
  c.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((r) => c.once('exit', () => r()));
  // Up: the stubborn process has printed "ready" and all the cycle's processes run (beside what earlier ones left).
  const up = await until(() => /ready/.test(out) && liveWithMarker(marker).filter((p) => !before.has(p)).length >= PER_CYCLE, 20000);
  if (!up) log(`[bench] a cycle did not come up: ${out.slice(-200)}`);
  if (ctrlC) process.kill(-c.pid!, 'SIGINT');
  else c.kill('SIGKILL');
  let timer: NodeJS.Timeout | undefined;
  const inTime = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => (timer = setTimeout(() => r(false), exitWaitMs)))]);
  clearTimeout(timer);
  if (!inTime) {
    log(`[bench] the runner had not exited ${exitWaitMs / 1000} s after Ctrl-C: killed`);
    c.kill('SIGKILL');
    await exited;
  }
}

async function run(name: string, argv: string[], env: NodeJS.ProcessEnv, cycles: number, exitWaitMs: number): Promise<number> {
  const marker = `${1000 + cycles}.${process.pid}${Date.now() % 100000}`; // a sleep length nothing else uses
  procfile(marker);
  const t0 = Date.now();
  for (let i = 0; i < cycles; i++) await cycle(argv, env, marker, i % 2 === 0, exitWaitMs);
  await until(() => liveWithMarker(marker).length === 0, 10000);
  const left = liveWithMarker(marker).length;
  log(`[bench] ${name}: ${cycles} cycles in ${((Date.now() - t0) / 1000).toFixed(1)} s, ${left} processes left`);
  for (const pid of liveWithMarker(marker)) {
    try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ }
  }
  return left;
}

async function main(): Promise<void> {
  const cli = builtCli();
  const found = anchors();
  for (const p of found.problems) log(`[bench] anchor skipped: ${p}`);
  try {
    emit('local_orphans_after_100_cycles', await run('heroku-workflows local', [cli, 'local', '--grace', '500'], process.env, 100, 15000), 'processes');
    for (const a of found.anchors) {
      emit(`local_orphans_after_10_cycles_${a.name}`, await run(a.name, a.argv, a.env, 10, 3000), 'processes');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  log(`[bench] local-orphans: ${e instanceof Error ? e.stack : String(e)}`);
  process.exitCode = 1;
});
