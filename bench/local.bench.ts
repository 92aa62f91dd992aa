// `heroku-workflows local` against the same commands run directly, and against its anchors, in one run:
//   local_output_vs_direct        4 processes writing 250,000 lines each (in 4 KB blocks cut anywhere, as C stdio
//                                 does): wall time through the CLI (output to a file) / the writers straight into
//                                 files; goal ≤ 1.3. Also _cpu (user+system of everything), and the anchors'
//                                 ratios (_nf, _heroku), and _node: a bare `node` that spawns the 4 and copies their
//                                 output to its own unchanged (the floor of any runner in node). Median of
//                                 HW_BENCH_RUNS (3) runs, interleaved.
//   local_split_lines             output lines that are not exactly one written line (a piece, or two merged),
//                                 plus lines lost; goal 0. Anchors: _nf, _heroku.
//   local_start10_ms              the engine (in this process): until 10 processes have each printed a line;
//                                 goal ≤ local_start10_direct_ms (the same 10 commands spawned directly) + 30.
//   local_start10_cli_ms          the same from launching the CLI; anchors _nf_ms and _heroku_ms likewise, and
//                                 local_start10_node_ms: a bare `node` that spawns the 10 (the floor of any node CLI).
// Anchors: npm `foreman` (nf) and `heroku` (heroku local), installed into ~/.cache/heroku-workflows/bench-anchors.
// bench: as shipped
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProcessSupervisor } from '../src/infra/process/supervisor';
import { anchors, builtCli, emit, FIXTURES, log, median, timed, type Anchor } from '../test/fixtures/runner/bench-support';

const WRITERS = 4;
const LINES = 250_000;
const RUNS = Number(process.env.HW_BENCH_RUNS ?? 3);
const writer = join(FIXTURES, 'bench-writer.js');
// The writer's own payload function, so the check cannot drift from what was written.
const { payload } = require(writer) as { payload: (seq: number) => string };

const dir = mkdtempSync(join(tmpdir(), 'hw-bench-local-'));
const barrier = join(dir, 'barrier');
const resetBarrier = () => { rmSync(barrier, { recursive: true, force: true }); mkdirSync(barrier); };
const writerCmd = (i: number) => `node ${JSON.stringify(writer)} ${LINES} ${i} ${JSON.stringify(barrier)} ${WRITERS}`;
// `exec`: each writer is its runner's own child (dash forks a command under `sh -c`), so `times` counts its CPU. Without
// it, a writer whose shell died of the runners' stop-all SIGTERM first was reaped by init, and its CPU went uncounted.
writeFileSync(join(dir, 'Procfile'), Array.from({ length: WRITERS }, (_, i) => `w${i + 1}: exec ${writerCmd(i + 1)}`).join('\n') + '\n');

/** Counts output lines that are not exactly one written line, and written lines never seen. `body` finds the
 *  process's text in a prefixed output line (undefined: not a process line). */
function splitLines(file: string, body: (line: string) => string | undefined): number {
  const seen = Array.from({ length: WRITERS + 1 }, () => new Uint8Array(LINES));
  let bad = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const b = body(line);
    if (b === undefined) continue;
    const m = /^w(\d) (\d+) (\S+)$/.exec(b);
    const id = m ? Number(m[1]) : 0;
    const seq = m ? Number(m[2]) : -1;
    if (!m || id < 1 || id > WRITERS || seq >= LINES || m[3] !== payload(seq) || seen[id][seq]) bad++;
    else seen[id][seq] = 1;
  }
  for (let id = 1; id <= WRITERS; id++) for (let s = 0; s < LINES; s++) if (!seen[id][s]) bad++;
  return bad;
}

// Ours: `HH:MM:SS w1.1 | text`; the runner's own lines about a process (started, exited, stopped) are not its output.
const NOTE = /^(started with pid|exited with|stopped|killed by|could not start)/;
const ours = (line: string) => { const b = /^\d\d:\d\d:\d\d w\d\.1 +\| (.*)$/.exec(line)?.[1]; return b === undefined || NOTE.test(b) ? undefined : b; };
// node-foreman: `<toLocaleTimeString> <name>` padded, ` | `, and console.log's own space before the text.
const foremanBody = (line: string) => { const i = line.indexOf(' |  '); return /^w\d\.1$/.test(line.slice(0, i).trim().split(' ').pop() ?? '') ? line.slice(i + 4) : undefined; };

async function outputBench(cli: string, found: Anchor[]): Promise<void> {
  const direct: number[][] = [];
  const viaCli: number[][] = [];
  const bare: number[][] = [];
  let split = 0;
  const copier = join(dir, 'copier.js');
  const commands = Array.from({ length: WRITERS }, (_, i) => `exec ${writerCmd(i + 1)}`);
  writeFileSync(copier, `const { spawn } = require('child_process'); const { writeSync } = require('fs');
for (const c of ${JSON.stringify(commands)}) spawn('/bin/sh', ['-c', c], { stdio: ['ignore', 'pipe', 'ignore'] }).stdout.on('data', (d) => writeSync(1, d));\n`);
  for (let r = 0; r < RUNS; r++) {
    resetBarrier();
    const d = timed(Array.from({ length: WRITERS }, (_, i) => `${writerCmd(i + 1)} > direct${i + 1}.txt &`).join(' ') + ' wait', dir);
    direct.push([d.wallMs, d.cpuMs]);
    resetBarrier();
    const o = timed(`node ${JSON.stringify(cli)} local > ours.txt`, dir);
    viaCli.push([o.wallMs, o.cpuMs]);
    split = Math.max(split, splitLines(join(dir, 'ours.txt'), ours));
    resetBarrier();
    const b = timed(`node ${JSON.stringify(copier)} > bare.txt`, dir);
    bare.push([b.wallMs, b.cpuMs]);
    log(`[bench] run ${r + 1}: direct ${d.wallMs.toFixed(0)} ms (cpu ${d.cpuMs.toFixed(0)}), cli ${o.wallMs.toFixed(0)} ms (cpu ${o.cpuMs.toFixed(0)}), bare node ${b.wallMs.toFixed(0)} ms (cpu ${b.cpuMs.toFixed(0)})`);
  }
  const dWall = median(direct.map((x) => x[0]));
  const dCpu = median(direct.map((x) => x[1]));
  emit('local_output_direct_ms', dWall, 'ms');
  emit('local_output_cli_ms', median(viaCli.map((x) => x[0])), 'ms');
  emit('local_output_vs_direct', median(viaCli.map((x, i) => x[0] / direct[i][0])), 'ratio');
  emit('local_output_vs_direct_cpu', median(viaCli.map((x, i) => x[1] / direct[i][1])), 'ratio');
  emit('local_split_lines', split, 'lines');
  emit('local_output_vs_direct_node', median(bare.map((x, i) => x[0] / direct[i][0])), 'ratio');
  emit('local_output_vs_direct_cpu_node', median(bare.map((x, i) => x[1] / direct[i][1])), 'ratio');
  for (const a of found) {
    resetBarrier();
    const t = timed(`node ${a.argv.map((s) => JSON.stringify(s)).join(' ')} > ${a.name}.txt 2>&1`, dir, a.env);
    if (t.status !== 0) {
      log(`[bench] anchor ${a.name} exited with ${t.status}: ${readFileSync(join(dir, `${a.name}.txt`), 'utf8').slice(-300)}`);
      continue;
    }
    log(`[bench] ${a.name}: ${t.wallMs.toFixed(0)} ms (cpu ${t.cpuMs.toFixed(0)})`);
    emit(`local_output_vs_direct_${a.name}`, t.wallMs / dWall, 'ratio');
    emit(`local_output_vs_direct_cpu_${a.name}`, t.cpuMs / dCpu, 'ratio');
    emit(`local_split_lines_${a.name}`, splitLines(join(dir, `${a.name}.txt`), foremanBody), 'lines');
  }
}

const START_CMD = 'echo ready; exec sleep 30';
const TEN = Array.from({ length: 10 }, (_, i) => `p${i}`);

/** In this process: the engine, or child_process.spawn directly; ms until all 10 printed. */
async function startInProcess(engine: boolean): Promise<number> {
  const seen = new Set<string>();
  let done!: () => void;
  const all = new Promise<void>((r) => (done = r));
  const saw = (id: string) => { seen.add(id); if (seen.size === TEN.length) done(); };
  const t0 = process.hrtime.bigint();
  if (engine) {
    const sup = new ProcessSupervisor({ output: (id) => saw(id) }, { onExit: 'keep-running' });
    for (const id of TEN) sup.start({ id, command: START_CMD, env: { PATH: process.env.PATH ?? '' }, cwd: dir });
    await all;
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    await sup.dispose();
    return ms;
  }
  const children = TEN.map((id) => {
    const c = spawn('/bin/sh', ['-c', START_CMD], { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'] });
    c.stdout.once('data', () => saw(id));
    return c;
  });
  await all;
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  await Promise.all(children.map((c) => new Promise((r) => { c.once('exit', r); c.kill('SIGKILL'); })));
  return ms;
}

/** From launching `node argv`: ms until 10 lines that end in `ready` have appeared; then the whole group goes. */
async function startFromLaunch(argv: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<number> {
  const t0 = process.hrtime.bigint();
  const c = spawn(process.execPath, argv, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'ignore'] });
  let out = '';
  const ms = await new Promise<number>((resolve, reject) => {
    c.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if ((out.match(/ready\n/g) ?? []).length >= TEN.length) resolve(Number(process.hrtime.bigint() - t0) / 1e6);
    });
    c.once('exit', () => reject(new Error(`exited before 10 lines: ${out.slice(-300)}`)));
  });
  c.removeAllListeners('exit');
  await new Promise((r) => { c.once('exit', r); process.kill(-c.pid!, 'SIGKILL'); });
  return ms;
}

async function startBench(cli: string, found: Anchor[]): Promise<void> {
  const sdir = join(dir, 'start10');
  mkdirSync(sdir);
  writeFileSync(join(sdir, 'Procfile'), TEN.map((id) => `${id}: ${START_CMD}`).join('\n') + '\n');
  const bare = `const {spawn}=require('child_process');for(let i=0;i<10;i++)spawn('/bin/sh',['-c',${JSON.stringify(START_CMD)}],{stdio:['ignore','inherit','ignore']})`;
  const runs = 7;
  const engine: number[] = [];
  const direct: number[] = [];
  const viaCli: number[] = [];
  const node: number[] = [];
  for (let r = 0; r < runs; r++) {
    direct.push(await startInProcess(false));
    engine.push(await startInProcess(true));
    viaCli.push(await startFromLaunch([cli, 'local'], process.env, sdir));
    node.push(await startFromLaunch(['-e', bare], process.env, sdir));
  }
  emit('local_start10_direct_ms', median(direct), 'ms');
  emit('local_start10_ms', median(engine), 'ms');
  emit('local_start10_cli_ms', median(viaCli), 'ms');
  emit('local_start10_node_ms', median(node), 'ms');
  for (const a of found) {
    try {
      const xs: number[] = [];
      for (let r = 0; r < 3; r++) xs.push(await startFromLaunch(a.argv, a.env, sdir));
      emit(`local_start10_${a.name}_ms`, median(xs), 'ms');
    } catch (e) {
      log(`[bench] anchor ${a.name} could not be timed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

async function main(): Promise<void> {
  const cli = builtCli();
  const found = anchors();
  for (const p of found.problems) log(`[bench] anchor skipped: ${p}`);
  try {
    await outputBench(cli, found.anchors);
    await startBench(cli, found.anchors);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  log(`[bench] local: ${e instanceof Error ? e.stack : String(e)}`);
  process.exitCode = 1;
});
