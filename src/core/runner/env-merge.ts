// The environment each process gets, with where every value came from. Layers, lowest first:
// the runner's own environment < env files (in the order given; the last file wins) < the app's config vars
// (only when asked for) < what the runner sets per process (PORT, DYNO, FOREMAN_WORKER_NAME).
import type { EnvFile } from './env-files';

export type EnvSource =
  | { kind: 'process' }
  | { kind: 'file'; file: string; /** 0-based; absent for JSON files */ line?: number }
  | { kind: 'app'; app: string }
  | { kind: 'runner'; reason: string };

export interface EnvVarInfo {
  value: string;
  source: EnvSource;
  /** The sources this value replaced, lowest layer first. */
  overrides: EnvSource[];
}

export type EnvInfo = Map<string, EnvVarInfo>;

export interface EnvLayers {
  processEnv: Readonly<Record<string, string | undefined>>;
  files: ReadonlyArray<{ file: string; env: EnvFile }>;
  app?: { app: string; vars: Readonly<Record<string, unknown>> };
}

export function setVar(info: EnvInfo, key: string, value: string, source: EnvSource): void {
  const prev = info.get(key);
  info.set(key, { value, source, overrides: prev ? [...prev.overrides, prev.source] : [] });
}

export function mergeEnv(layers: EnvLayers): EnvInfo {
  const info: EnvInfo = new Map();
  for (const [k, v] of Object.entries(layers.processEnv)) if (v !== undefined) info.set(k, { value: v, source: { kind: 'process' }, overrides: [] });
  for (const { file, env } of layers.files) {
    for (const v of env.vars) setVar(info, v.key, v.value, v.line === undefined ? { kind: 'file', file } : { kind: 'file', file, line: v.line });
  }
  if (layers.app) {
    // Config vars come from the API: anything that is not text is skipped, never thrown on.
    for (const [k, v] of Object.entries(layers.app.vars)) if (typeof v === 'string') setVar(info, k, v, { kind: 'app', app: layers.app.app });
  }
  return info;
}

/** The plain `KEY -> value` object a spawn takes. */
export function envObject(info: EnvInfo): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of info) out[k] = v.value;
  return out;
}

/** `.env line 3`, `the app's config (my-app)`…: for hovers, tooltips and messages. */
export function describeSource(s: EnvSource): string {
  switch (s.kind) {
    case 'process': return 'the environment the runner was started with';
    case 'file': return s.line === undefined ? s.file : `${s.file} line ${s.line + 1}`;
    case 'app': return `config vars of ${s.app}`;
    case 'runner': return s.reason;
  }
}
