// Entry of dist/local.js (scripts/build.mjs lazyBundles): the local runner's editor side, loaded the first time one
// of its commands, a `heroku` (or `heroku-local`) task or the view needs it. It owns the one session
// (core/runner/session.ts), on the supervisor the composition root builds (Services.localIo), one terminal per
// process, and the combined output (one output channel for every process, created when first shown).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { summarizeChanges } from '../../core/env/diff';
import { planPull } from '../../core/env/sync';
import { CombinedOutput } from '../../core/runner/combined';
import { processRows, type ProcessRow } from '../../core/runner/rows';
import { readProcfileTypes } from '../../core/runner/procfile-types';
import { taskSelection } from '../../core/runner/selection';
import { LocalSession, type LocalProcess } from '../../core/runner/session';
import { UserCancelled, UserFacingError, type CommandContext } from '../commands';
import type { Services } from '../services';
import { requireTrust, untrustedMessage } from '../trust';
import { SAVE_ENV } from './ids';
import { planRun, type HeldConfig } from './inputs';
import { ProcessTerminal } from './process-terminal';
import { askRun } from './run-command';
import { TaskTerminal } from './task-terminal';

/** A `heroku` task (or its alias `heroku-local`): package.json taskDefinitions. */
export interface LocalTaskDefinition extends vscode.TaskDefinition {
  /** A process type; absent: all of them. */
  process?: string;
  /** The Procfile, relative to the workspace folder (default `Procfile`). */
  procfile?: string;
  envFile?: string[];
  /** Run the Procfile's `release` process first (default: only when every process runs). */
  release?: boolean;
}

export interface LocalFeature extends vscode.Disposable {
  runLocal(ctx: CommandContext, arg: unknown): Promise<{ started: string[] }>;
  restart(ctx: CommandContext, arg: unknown): Promise<void>;
  stop(ctx: CommandContext, arg: unknown): Promise<void>;
  stopAll(): Promise<void>;
  showOutput(ctx: CommandContext, arg: unknown): Promise<void>;
  /** Opens a running web process's http://localhost:PORT (through asExternalUri: code-server forwards it). */
  openInBrowser(ctx: CommandContext, arg: unknown): Promise<{ url: string }>;
  /** The output channel of every process's lines, `HH:MM:SS web.1 | line`. */
  showCombinedOutput(): void;
  /** After a run with the app's config vars: writes them into that folder's .env, after a modal yes. */
  saveConfigToEnv(ctx: CommandContext, arg: unknown): Promise<{ written: boolean; changes: number }>;
  rows(): ProcessRow[];
  taskTerminal(definition: LocalTaskDefinition, folder: string): vscode.Pseudoterminal;
  /** A workspace folder went: what runs from it stops. */
  stopUnder(folder: string): Promise<void>;
  testState(): { processes: LocalProcess[]; terminals: Record<string, string>; rows: ProcessRow[]; combined: string };
}

const WHAT = 'Running the Procfile locally';
const WHY = 'runs the commands of this workspace\'s Procfile on this machine';
const SAVE_LABEL = 'Save to .env…';

export function createLocalFeature(services: Services, changed: () => void): LocalFeature {
  const session = new LocalSession(services.localIo(), {
    clock: services.clock,
    stopAllWhenOneExits: () => vscode.workspace.getConfiguration('heroku.local').get<boolean>('stopAllWhenOneExits', false) === true,
  });
  const combined = new CombinedOutput(session, services.clock);
  /** The config vars the last run in each folder was given (in memory only, for Save to .env…). */
  const held = new Map<string, HeldConfig>();
  let channel: vscode.OutputChannel | undefined;
  const terminals = new Map<string, ProcessTerminal>();
  /** Runs of the command (each process gets its terminal); a task's run writes to the task's terminal. */
  const withTerminals = new Set<number>();
  const terminalFor = (name: string): ProcessTerminal => {
    let t = terminals.get(name);
    if (!t) {
      t = new ProcessTerminal(session, name, (n) => {
        terminals.delete(n);
        void session.remove(n);
      });
      terminals.set(name, t);
    }
    return t;
  };
  const subs: vscode.Disposable[] = [
    combined,
    session.onDidChange(() => changed()) as vscode.Disposable,
    session.onEvent((e) => {
      const p = session.get(e.name);
      if (p && withTerminals.has(p.run) && (e.kind === 'started' || e.kind === 'exited')) terminalFor(e.name);
    }) as vscode.Disposable,
  ];

  /** The process an argument names (a view row, a name), or one picked from those `fits` allows. */
  async function processOf(ctx: CommandContext, arg: unknown, fits: (p: LocalProcess) => boolean, verb: string): Promise<string> {
    const name = typeof arg === 'string' ? arg : typeof arg === 'object' && arg !== null && typeof (arg as { name?: unknown }).name === 'string' ? (arg as { name: string }).name : undefined;
    if (name) {
      if (!session.get(name)) throw new UserFacingError(`There is no local process ${name}.`);
      return name;
    }
    const list = session.list().filter(fits);
    if (list.length === 0) throw new UserFacingError(`There is no local process to ${verb}.`);
    if (list.length === 1) return list[0].name;
    const rows = processRows(list, services.clock.now());
    const pick = await ctx.ui.showQuickPick(rows.map((r) => ({ label: r.label, description: r.description })), { placeHolder: `${verb[0].toUpperCase()}${verb.slice(1)} which process?` });
    if (!pick) throw new UserCancelled();
    return pick.label;
  }

  return {
    async runLocal(ctx, arg) {
      requireTrust(ctx, WHAT, WHY);
      const inputs = await askRun(ctx, services, arg);
      const planned = await planRun(services, inputs);
      if (!planned.ok) throw new UserFacingError(planned.message);
      const { plan, cwd } = planned;
      const names = [...(plan.release ? [plan.release.name] : []), ...plan.processes.map((p) => p.name)];
      const busy = session.busy(names);
      if (busy.length) {
        const again = await ctx.ui.showWarningMessage(`${busy.join(', ')} ${busy.length === 1 ? 'is' : 'are'} already running locally. Restart with this run's settings?`, { modal: true }, 'Restart');
        if (again !== 'Restart') throw new UserCancelled();
        await Promise.all(busy.map((n) => session.stop(n)));
      }
      for (const n of planned.notes) ctx.log.info(`local run of ${vscode.workspace.asRelativePath(inputs.procfile)}: ${n}`);
      const outcome = await session.run({ processes: plan.processes, release: plan.release, cwd, onRun: (n) => withTerminals.add(n) });
      if (!outcome.ok) {
        if (plan.release) terminals.get(plan.release.name)?.terminal.show(true);
        throw new UserFacingError(`Local run: ${outcome.error}.`);
      }
      const first = plan.processes[0]?.name ?? plan.release?.name;
      if (first) terminalFor(first).terminal.show(true);
      if (planned.config) {
        held.set(cwd, planned.config);
        const n = Object.keys(planned.config.vars).length;
        void ctx.ui.showInformationMessage(`Running with the ${n} config var${n === 1 ? '' : 's'} of ${planned.config.app}, held in memory only.`, SAVE_LABEL)
          .then((a) => { if (a === SAVE_LABEL) void vscode.commands.executeCommand(SAVE_ENV, { cwd }); });
      } else {
        held.delete(cwd);
      }
      return { started: outcome.started };
    },
    async restart(ctx, arg) {
      requireTrust(ctx, WHAT, WHY);
      await session.restart(await processOf(ctx, arg, () => true, 'restart'));
    },
    async stop(ctx, arg) {
      await session.stop(await processOf(ctx, arg, (p) => p.state !== 'exited', 'stop'));
    },
    stopAll: () => session.stopAll(),
    async showOutput(ctx, arg) {
      terminalFor(await processOf(ctx, arg, () => true, 'show')).terminal.show();
    },
    async openInBrowser(ctx, arg) {
      const name = await processOf(ctx, arg, (p) => p.state === 'running' && p.type === 'web' && p.port !== undefined, 'open in the browser');
      const p = session.get(name);
      if (!p || p.port === undefined || p.state !== 'running') throw new UserFacingError(`${name} is not a running web process with a port.`);
      const uri = await vscode.env.asExternalUri(vscode.Uri.parse(`http://localhost:${p.port}`));
      await vscode.env.openExternal(uri);
      return { url: uri.toString(true) };
    },
    async saveConfigToEnv(ctx, arg) {
      const given = typeof arg === 'object' && arg !== null && typeof (arg as { cwd?: unknown }).cwd === 'string' ? (arg as { cwd: string }).cwd : undefined;
      const folders = given ? [given] : [...held.keys()];
      if (folders.length === 0) throw new UserFacingError('No local run has the config vars of an app: run the Procfile locally with them first.');
      let cwd = folders[0];
      if (folders.length > 1) {
        const pick = await ctx.ui.showQuickPick(folders.map((f) => ({ label: vscode.workspace.asRelativePath(path.join(f, '.env')), folder: f })), { placeHolder: 'Save the config vars into which .env?' });
        if (!pick) throw new UserCancelled();
        cwd = pick.folder;
      }
      const config = held.get(cwd);
      if (!config) throw new UserFacingError(`No local run in ${vscode.workspace.asRelativePath(cwd)} has the config vars of an app.`);
      const file = path.join(cwd, '.env');
      const rel = vscode.workspace.asRelativePath(file);
      const before = await services.fs.readText(file);
      const { after, changes } = planPull(before, config.vars);
      if (changes.length === 0) {
        void ctx.ui.showInformationMessage(`${rel} already has the config vars of ${config.app}.`);
        return { written: false, changes: 0 };
      }
      // The question names keys and counts, never a value.
      const answer = await ctx.ui.showWarningMessage(`Write the config vars of ${config.app} into ${rel}?`, {
        modal: true,
        detail: `${summarizeChanges(changes)}. The values are written into the file as Heroku has them (secrets on disk: keep .env out of git); comments, order and keys only in the file are kept.`,
      }, 'Write');
      if (answer !== 'Write') throw new UserCancelled();
      if ((await services.fs.readText(file)) !== before) throw new UserFacingError(`${rel} changed meanwhile; nothing was written. Try again.`);
      await services.fs.writeTextAtomic(file, after);
      ctx.log.info(`saved ${changes.length} config var change(s) of ${config.app} into ${rel}`);
      void ctx.ui.showInformationMessage(`Wrote ${summarizeChanges(changes)} to ${rel}.`);
      return { written: true, changes: changes.length };
    },
    showCombinedOutput() {
      if (!channel) {
        channel = vscode.window.createOutputChannel('Heroku Local (all processes)');
        channel.append(combined.text());
        const ch = channel;
        subs.push(ch, combined.onAppend((t) => ch.append(t)) as vscode.Disposable);
      }
      channel.show(true);
    },
    rows: () => processRows(session.list(), services.clock.now()),
    taskTerminal(definition, folder) {
      return new TaskTerminal(session, async (onRun) => {
        if (!vscode.workspace.isTrusted) return { ok: false, message: untrustedMessage(WHAT, WHY) };
        const envFile = Array.isArray(definition.envFile) ? definition.envFile.filter((f): f is string => typeof f === 'string') : undefined;
        const procfile = path.resolve(folder, typeof definition.procfile === 'string' && definition.procfile ? definition.procfile : 'Procfile');
        const text = await services.fs.readText(procfile);
        if (text === undefined) return { ok: false, message: `There is no Procfile at ${procfile}.` };
        const { types } = readProcfileTypes(path.basename(procfile), text);
        const planned = await planRun(services, { procfile, selection: taskSelection(definition, types), envFiles: envFile });
        if (!planned.ok) return planned;
        const { plan, cwd } = planned;
        const busy = session.busy([...(plan.release ? [plan.release.name] : []), ...plan.processes.map((p) => p.name)]);
        if (busy.length) return { ok: false, message: `${busy.join(', ')} already running locally (Local Processes view): stop it first.` };
        return { ok: true, outcome: await session.run({ processes: plan.processes, release: plan.release, cwd, onRun }), notes: planned.notes };
      });
    },
    async stopUnder(folder) {
      const inside = (dir: string) => { const rel = path.relative(folder, dir); return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel)); };
      await Promise.all(session.list().filter((p) => inside(p.cwd)).map((p) => session.stop(p.name)));
    },
    testState: () => ({ processes: session.list(), terminals: Object.fromEntries([...terminals].map(([n, t]) => [n, t.written])), rows: processRows(session.list(), services.clock.now()), combined: combined.text() }),
    dispose() {
      for (const s of subs.splice(0)) s.dispose();
      // SIGTERM goes to every group now; the watchdog finishes the job if the extension host exits first.
      session.dispose().catch((err: unknown) => services.log.error('stopping the local processes failed', err));
      for (const t of terminals.values()) t.dispose();
      terminals.clear();
      channel = undefined;
    },
  };
}
