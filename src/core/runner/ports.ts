// Ports as `heroku local` assigns them: the base port is --port, else PORT from the env files, else the
// runner's own PORT, else 5006 (an empty value counts as unset, as in node-foreman's `a || b || c`). Each process
// gets base + instance index + type index * 100: web.1=5006, web.2=5007, worker.1=5106. Ports below 1024 are refused.
import type { EnvFile } from './env-files';
import type { PlanProblem } from './problems';

export const DEFAULT_PORT = 5006;
export const TYPE_STRIDE = 100;
const MIN_PORT = 1024;
const MAX_PORT = 65535;

export type PortSource =
  | { kind: 'flag' }
  | { kind: 'file'; file: string; line?: number }
  | { kind: 'process' }
  | { kind: 'default' };

export type BasePort = { ok: true; port: number; source: PortSource } | { ok: false; problem: PlanProblem };

function where(s: PortSource): string {
  switch (s.kind) {
    case 'flag': return '--port';
    case 'file': return `PORT in ${s.file}`;
    case 'process': return 'PORT in the environment';
    case 'default': return 'the default port';
  }
}

function check(text: string, source: PortSource): BasePort {
  const t = text.trim();
  const at = source.kind === 'file' ? { file: source.file, line: source.line } : {};
  if (!/^\d+$/.test(t)) return { ok: false, problem: { severity: 'error', ...at, message: `${where(source)} is "${t.slice(0, 20)}", not a port number` } };
  const port = Number(t);
  if (port < MIN_PORT) {
    return { ok: false, problem: { severity: 'error', ...at, message: `${where(source)} is ${port}: ports below ${MIN_PORT} need root and are refused (as heroku local does); use e.g. ${DEFAULT_PORT}` } };
  }
  if (port > MAX_PORT) return { ok: false, problem: { severity: 'error', ...at, message: `${where(source)} is ${port}, above ${MAX_PORT}` } };
  return { ok: true, port, source };
}

export function resolveBasePort(flag: string | number | undefined, files: ReadonlyArray<{ file: string; env: EnvFile }>, processEnv: Readonly<Record<string, string | undefined>>): BasePort {
  if (flag !== undefined && String(flag).trim() !== '') return check(String(flag), { kind: 'flag' });
  let fromFile: { value: string; source: PortSource } | undefined;
  for (const { file, env } of files) {
    for (const v of env.vars) if (v.key === 'PORT') fromFile = { value: v.value, source: v.line === undefined ? { kind: 'file', file } : { kind: 'file', file, line: v.line } };
  }
  if (fromFile && fromFile.value.trim() !== '') return check(fromFile.value, fromFile.source);
  const own = processEnv.PORT;
  if (own !== undefined && own.trim() !== '') return check(own, { kind: 'process' });
  return { ok: true, port: DEFAULT_PORT, source: { kind: 'default' } };
}

export function processPort(base: number, typeIndex: number, instanceIndex: number): number {
  return base + instanceIndex + typeIndex * TYPE_STRIDE;
}

export function maxPort(): number {
  return MAX_PORT;
}
