// The run plan of `heroku local` (and of our runner): which processes, with which command, port and environment.
// Pure and total: every input problem comes back as a PlanProblem that names the file and line it is about.
import { closest } from '../appjson/closest';
import { readEnvFile, type EnvFile } from './env-files';
import { envObject, mergeEnv, setVar, type EnvInfo, type EnvVarInfo } from './env-merge';
import { parseFormation, type FormationItem } from './formation';
import { maxPort, processPort, resolveBasePort, TYPE_STRIDE, type PortSource } from './ports';
import type { PlanProblem } from './problems';
import { readProcfileTypes, type ProcessType } from './procfile-types';

export interface PlanInput {
  procfile: { file: string; text: string };
  /** `web=1,worker=2` or `web,worker`; absent or empty: every type except `release`, once each. */
  formation?: string;
  /** In precedence order (the last wins). `text` undefined: the file does not exist. */
  envFiles: ReadonlyArray<{ file: string; text: string | undefined; /** named by the user (not the default .env) */ explicit?: boolean }>;
  processEnv: Readonly<Record<string, string | undefined>>;
  /** The linked app's config vars, when the user asked for them: above the env files. */
  appConfig?: { app: string; vars: Readonly<Record<string, unknown>> };
  /** --port */
  port?: string | number;
  /** Run the `release` process once, to completion, before the others. */
  releaseFirst?: boolean;
}

export interface PlannedProcess {
  /** `web.1` */
  name: string;
  type: string;
  /** 1-based, as in `web.1`. */
  instance: number;
  command: string;
  /** 0-based Procfile line of the command. */
  line: number;
  /** Absent for the release phase. */
  port?: number;
  /** The complete environment to spawn with. */
  env: Record<string, string>;
  /** What the runner set for this process (PORT, DYNO, FOREMAN_WORKER_NAME), above `RunPlan.env`. */
  runnerVars: Record<string, string>;
}

export interface RunPlan {
  procfile: string;
  basePort: number;
  basePortSource: PortSource;
  processes: PlannedProcess[];
  /** Present when `releaseFirst` was asked and the Procfile has a release type. */
  release?: PlannedProcess;
  /** The shared environment with each value's origin (before the per-process variables). */
  env: EnvInfo;
  /** The env files that were read, and as what. */
  envFiles: Array<{ file: string; format: EnvFile['format']; count: number }>;
  warnings: PlanProblem[];
}

export type PlanResult = { ok: true; plan: RunPlan } | { ok: false; errors: PlanProblem[]; warnings: PlanProblem[] };

const RELEASE = 'release';

function selectTypes(input: PlanInput, types: ProcessType[], file: string, errors: PlanProblem[]): FormationItem[] {
  const formation = input.formation?.trim();
  if (!formation) return types.filter((t) => t.name !== RELEASE).map((t) => ({ type: t.name, count: 1 }));
  const parsed = parseFormation(formation);
  if (!parsed.ok) {
    errors.push({ severity: 'error', message: `formation ${parsed.error}` });
    return [];
  }
  const names = types.map((t) => t.name);
  for (const item of parsed.items) {
    if (names.includes(item.type)) continue;
    const near = closest(item.type, names);
    const hint = near ? `did you mean \`${near}\`? ` : '';
    errors.push({ severity: 'error', file, message: `no process type \`${item.type}\` in ${file}; ${hint}it declares ${names.length ? names.map((n) => `\`${n}\``).join(', ') : 'none'}` });
  }
  return parsed.items;
}

function runnerVars(env: EnvInfo, name: string, port: number | undefined): Record<string, string> {
  const vars: Record<string, string> = {};
  if (port !== undefined) vars.PORT = String(port);
  vars.DYNO = name;
  // node-foreman keeps a FOREMAN_WORKER_NAME it inherits (a runner inside a runner); so do we.
  vars.FOREMAN_WORKER_NAME = env.get('FOREMAN_WORKER_NAME')?.value || name;
  return vars;
}

function planned(env: EnvInfo, shared: Record<string, string>, t: ProcessType, instance: number, port: number | undefined): PlannedProcess {
  const name = `${t.name}.${instance}`;
  const vars = runnerVars(env, name, port);
  return { name, type: t.name, instance, command: t.command, line: t.line, port, env: { ...shared, ...vars }, runnerVars: vars };
}

export function buildRunPlan(input: PlanInput): PlanResult {
  const file = input.procfile.file;
  const { types, problems } = readProcfileTypes(file, input.procfile.text);
  const warnings = [...problems];
  const errors: PlanProblem[] = [];
  const files: Array<{ file: string; env: EnvFile }> = [];
  for (const f of input.envFiles) {
    if (f.text === undefined) {
      if (f.explicit) warnings.push({ severity: 'warning', file: f.file, message: 'env file not found; skipped' });
      continue;
    }
    const env = readEnvFile(f.file, f.text);
    warnings.push(...env.problems);
    files.push({ file: f.file, env });
  }
  if (types.length === 0) errors.push({ severity: 'error', file, message: 'declares no process types (expected lines such as `web: node server.js`)' });
  const items = selectTypes(input, types, file, errors);
  const base = resolveBasePort(input.port, files, input.processEnv);
  if (!base.ok) errors.push(base.problem);

  const byName = new Map(types.map((t) => [t.name, t]));
  const releaseType = input.releaseFirst ? byName.get(RELEASE) : undefined;
  if (input.releaseFirst && !releaseType) warnings.push({ severity: 'warning', file, message: 'has no `release` process type: there is no release phase to run first' });
  const run = items.filter((i) => !(releaseType && i.type === RELEASE));
  const selected = run.flatMap((i, typeIndex) => {
    const t = byName.get(i.type);
    return t && i.count > 0 ? [{ t, count: i.count, typeIndex }] : [];
  });
  for (const { t, count, typeIndex } of selected) {
    if (t.command.trim() === '') errors.push({ severity: 'error', file, line: t.line, message: `\`${t.name}\` has no command` });
    if (count > TYPE_STRIDE) warnings.push({ severity: 'warning', file, line: t.line, message: `${count} × ${t.name}: past ${TYPE_STRIDE} instances the ports run into the next type's` });
    if (base.ok && processPort(base.port, typeIndex, count - 1) > maxPort()) {
      errors.push({ severity: 'error', file, line: t.line, message: `${t.name}.${count} would get port ${processPort(base.port, typeIndex, count - 1)}, above ${maxPort()}: use a lower --port` });
    }
  }
  if (releaseType && releaseType.command.trim() === '') errors.push({ severity: 'error', file, line: releaseType.line, message: '`release` has no command' });
  if (errors.length === 0 && selected.length === 0 && !releaseType) {
    errors.push({ severity: 'error', file, message: types.some((t) => t.name === RELEASE) && types.length === 1 ? 'declares only `release`; name it to run it (heroku-workflows local release)' : 'the formation runs no process' });
  }
  if (errors.length || !base.ok) return { ok: false, errors, warnings };

  const env = mergeEnv({ processEnv: input.processEnv, files, app: input.appConfig });
  const shared = envObject(env);
  const processes = selected.flatMap(({ t, count, typeIndex }) =>
    Array.from({ length: count }, (_, i) => planned(env, shared, t, i + 1, processPort(base.port, typeIndex, i))));
  const release = releaseType ? planned(env, shared, releaseType, 1, undefined) : undefined;
  const envFiles = files.map((f) => ({ file: f.file, format: f.env.format, count: f.env.vars.length }));
  return { ok: true, plan: { procfile: file, basePort: base.port, basePortSource: base.source, processes, release, env, envFiles, warnings } };
}

/** One process's variables with their origins: the shared ones and, above them, what the runner set. */
export function processEnvInfo(plan: RunPlan, p: PlannedProcess): EnvInfo {
  const info: EnvInfo = new Map<string, EnvVarInfo>(plan.env);
  const reasons: Record<string, string> = {
    PORT: `port of ${p.name} (base ${plan.basePort} + instance + type × ${TYPE_STRIDE})`,
    DYNO: `the dyno name Heroku sets (${p.name})`,
    FOREMAN_WORKER_NAME: 'the worker name heroku local sets',
  };
  for (const [k, v] of Object.entries(p.runnerVars)) {
    if (k === 'FOREMAN_WORKER_NAME' && plan.env.get(k)?.value === v) continue; // inherited, not ours
    setVar(info, k, v, { kind: 'runner', reason: reasons[k] ?? 'set by the runner' });
  }
  return info;
}
