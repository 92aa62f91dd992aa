// `heroku-workflows local`: the Procfile run as `heroku local` runs it (core/runner plans it, infra/process runs
// it), printed as one interleaved, prefixed output. Composition root: reads files, owns the supervisor.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { exitStatus, failed, runExitCode, type ProcessExit } from '../../core/runner/exit';
import { buildRunPlan, type PlannedProcess } from '../../core/runner/plan';
import { formatProblem } from '../../core/runner/problems';
import { ProcessSupervisor, type ExitReport } from '../../infra/process/supervisor';
import type { CliIo, Subcommand } from '../run';
import { LOCAL_USAGE, parseLocalArgs } from './args';
import { LocalView } from './view';

export interface LocalHooks {
  /** Subscribes to interrupts (Ctrl-C…); returns the unsubscribe. Default: SIGINT, SIGTERM and SIGHUP. */
  onInterrupt?(handler: (signal: string) => void): () => void;
}

function processSignals(handler: (signal: string) => void): () => void {
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const listeners = signals.map((s) => [s, () => handler(s)] as const);
  for (const [s, f] of listeners) process.on(s, f);
  return () => { for (const [s, f] of listeners) process.off(s, f); };
}

type FileRead = { kind: 'text'; text: string } | { kind: 'missing' } | { kind: 'not-a-file' };

function readText(path: string): FileRead {
  try {
    if (!statSync(path).isFile()) return { kind: 'not-a-file' };
    return { kind: 'text', text: readFileSync(path, 'utf8') };
  } catch {
    return { kind: 'missing' };
  }
}

function isTty(stream: unknown): boolean {
  return (stream as { isTTY?: boolean }).isTTY === true;
}

function toExit(r: ExitReport): ProcessExit {
  return { name: r.id, code: r.code, signal: r.signal, stoppedByUs: r.stoppedByUs, ...(r.forced ? { forced: true } : {}), ...(r.spawnError !== undefined ? { spawnError: r.spawnError } : {}) };
}

export async function runLocal(argv: string[], io: CliIo, hooks: LocalHooks = {}): Promise<number> {
  const args = parseLocalArgs(argv);
  if ('error' in args) {
    io.stderr.write(`heroku-workflows local: ${args.error}\n\n${LOCAL_USAGE}`);
    return 2;
  }
  if (args.help) {
    io.stdout.write(LOCAL_USAGE);
    return 0;
  }
  const procfile = readText(resolve(io.cwd, args.procfile));
  if (procfile.kind !== 'text') {
    io.stderr.write(`heroku-workflows local: no Procfile at ${args.procfile}${procfile.kind === 'not-a-file' ? ' (it is not a file)' : ''}; name one with --procfile PATH\n`);
    return 2;
  }
  const envFiles = args.envFiles.flatMap((file) => {
    const read = readText(resolve(io.cwd, file));
    if (read.kind === 'not-a-file') {
      io.stderr.write(`heroku-workflows local: ${file} is not a file; skipped\n`);
      return [];
    }
    return [{ file, text: read.kind === 'text' ? read.text : undefined, explicit: args.explicitEnv }];
  });
  const result = buildRunPlan({
    procfile: { file: args.procfile, text: procfile.text }, formation: args.formation, envFiles, processEnv: io.env, port: args.port, releaseFirst: args.release,
  });
  for (const w of result.ok ? result.plan.warnings : result.warnings) io.stderr.write(formatProblem(w) + '\n');
  if (!result.ok) {
    for (const e of result.errors) io.stderr.write(formatProblem(e) + '\n');
    return 2;
  }
  const plan = result.plan;
  const colour = isTty(io.stdout) && !io.env.NO_COLOR;
  const all = [...(plan.release ? [plan.release] : []), ...plan.processes];
  const byName = new Map(all.map((p) => [p.name, p]));
  const exits: ProcessExit[] = [];
  let interrupts = 0;
  const keepRunning = args.keepRunning;
  const sup: ProcessSupervisor = new ProcessSupervisor({
    outputBytes: (id, _stream, lines) => view.lines(id, lines),
    started: (id, pid) => {
      const port = byName.get(id)?.port;
      view.note(`started with pid ${pid}${port === undefined ? '' : `, PORT=${port}`}`, id);
    },
    exited: (r) => {
      const e = toExit(r);
      exits.push(e);
      view.exited(e);
      if (!r.stoppedByUs && !keepRunning && !interrupts && sup.list().some((p) => p.state === 'running')) view.note(`${r.id} ended: stopping the other processes`);
    },
  }, { graceMs: args.graceMs, onExit: keepRunning ? 'keep-running' : 'stop-all', forceColor: colour });
  const view = new LocalView(io.stdout, all.map((p) => p.name), colour, (drained) => {
    sup.pauseOutput(); // the terminal (or pipe) is behind: let the processes wait on their pipes
    void drained.then(() => sup.resumeOutput());
  });
  for (const f of plan.envFiles) view.note(`loaded ${f.file} (${f.format === 'json' ? 'JSON' : 'KEY=VALUE'}, ${f.count} variable${f.count === 1 ? '' : 's'})`);
  const unsubscribe = (hooks.onInterrupt ?? processSignals)((signal) => {
    interrupts++;
    if (interrupts === 1) {
      view.note(`${signal}: stopping all processes (again to kill them at once)`);
      void sup.stopAll();
    } else {
      view.note('killing all processes');
      sup.killAll();
    }
  });
  const start = (p: PlannedProcess): void => {
    const r = sup.start({ id: p.name, command: p.command, env: p.env, cwd: io.cwd });
    if (r.ok) return;
    const e: ProcessExit = { name: p.name, code: null, signal: null, stoppedByUs: false, spawnError: r.error };
    exits.push(e);
    view.exited(e);
    if (!keepRunning) void sup.stopAll();
  };
  try {
    if (plan.release) {
      start(plan.release);
      await sup.idle();
      const release = exits.find((e) => e.name === plan.release?.name);
      if (interrupts) return 130;
      if (!release || exitStatus(release) !== 0) {
        view.note('the release phase failed: nothing else is started', undefined, true);
        return release && failed(release) ? exitStatus(release) : 1;
      }
    }
    for (const p of plan.processes) {
      if (interrupts || (!keepRunning && exits.some(failed))) break;
      start(p);
    }
    await sup.idle();
  } finally {
    unsubscribe();
    await sup.dispose();
    view.flush();
  }
  return runExitCode(exits, interrupts > 0);
}

export const local: Subcommand = (argv, io) => runLocal(argv, io);
