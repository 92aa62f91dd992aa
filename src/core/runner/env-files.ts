// Env files as `heroku local` reads them: KEY=VALUE (our .env parser: quotes, escapes, `#` comments, `export`)
// or JSON, whose nested keys are joined with `_` and upper-cased ({"db": {"url": "x"}} -> DB_URL=x), as the
// vendored node-foreman does. Pure: text in, variables and problems out.
import { parseEnv } from '../env/parse';
import type { PlanProblem } from './problems';

export interface EnvFileVar {
  key: string;
  value: string;
  /** 0-based line of the assignment (KEY=VALUE files only). */
  line?: number;
}

export interface EnvFile {
  format: 'dotenv' | 'json';
  /** In file order; a key may repeat (the last one wins). */
  vars: EnvFileVar[];
  problems: PlanProblem[];
}

function flatten(value: unknown, path: string[], out: EnvFileVar[]): void {
  if (value === null || value === undefined) return; // foreman walks null as an empty object: no variable
  if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flatten(v, [...path, k], out);
    return;
  }
  out.push({ key: path.join('_').toUpperCase(), value: String(value) });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function readEnvFile(file: string, text: string): EnvFile {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Only an object is an env file in JSON: `123` or `"x"` would parse as JSON too but name nothing.
  if (body.trimStart().startsWith('{')) {
    const json = parseJson(body);
    if (json !== null && typeof json === 'object' && !Array.isArray(json)) {
      const vars: EnvFileVar[] = [];
      flatten(json, [], vars);
      return { format: 'json', vars, problems: [] };
    }
  }
  const doc = parseEnv(text);
  const vars: EnvFileVar[] = [];
  const problems: PlanProblem[] = [];
  for (const e of doc.entries) {
    if (e.kind === 'pair') vars.push({ key: e.key, value: e.value, line: e.line });
    // The line itself is not shown: a malformed line of an env file may hold a secret.
    else if (e.kind === 'invalid') problems.push({ severity: 'warning', file, line: e.line, message: 'not a KEY=VALUE line (or an unclosed quote); ignored' });
  }
  return { format: 'dotenv', vars, problems };
}
