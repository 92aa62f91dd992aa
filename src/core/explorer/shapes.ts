// Defensive reading of API answers: a body that is not the expected shape becomes a Failure (an error node),
// and list items missing the fields the tree reads are skipped and counted, never crash a render.
import type { Failure } from './nodes';

type Check = 'string' | 'number' | 'boolean' | 'object';

/** Required top-level fields per resource (dotted paths allowed) and their types. */
export const REQUIRED: Record<string, Record<string, Check>> = {
  app: { name: 'string' },
  dyno: { name: 'string', type: 'string', state: 'string' },
  formation: { type: 'string', quantity: 'number' },
  addon: { name: 'string', 'plan.name': 'string' },
  attachment: { name: 'string', 'addon.name': 'string', 'app.name': 'string' },
  release: { version: 'number', status: 'string' },
  domain: { hostname: 'string' },
  team: { name: 'string' },
};

function get(value: unknown, path: string): unknown {
  let cur: unknown = value;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function fits(item: unknown, required: Record<string, Check>): boolean {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return false;
  return Object.entries(required).every(([path, type]) => {
    const v = get(item, path);
    return type === 'object' ? v !== null && typeof v === 'object' : typeof v === type;
  });
}

export type Checked<T> = { ok: true; items: T[]; skipped: number } | { ok: false; error: Failure };

function malformed(what: string, detail: string): Failure {
  return { id: 'malformed_response', message: `Heroku sent an unexpected answer for ${what}: ${detail}` };
}

/** A list answer: must be an array; items lacking the required fields are skipped. */
export function checkList<T>(value: unknown, resource: keyof typeof REQUIRED & string, what = `${resource}s`): Checked<T> {
  if (!Array.isArray(value)) return { ok: false, error: malformed(what, `expected a list, got ${value === null ? 'null' : typeof value}`) };
  const items = value.filter((v) => fits(v, REQUIRED[resource])) as T[];
  return { ok: true, items, skipped: value.length - items.length };
}

/** `GET /apps/{app}/config-vars`: an object of strings; non-string values are skipped. */
export function checkConfig(value: unknown): { ok: true; vars: Record<string, string>; skipped: number } | { ok: false; error: Failure } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, error: malformed('config vars', 'expected an object') };
  }
  const vars: Record<string, string> = {};
  let skipped = 0;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v === 'string') vars[k] = v;
    else skipped++;
  }
  return { ok: true, vars, skipped };
}

/** A single object answer (GET /apps/{name}). */
export function checkOne<T>(value: unknown, resource: keyof typeof REQUIRED & string): { ok: true; value: T } | { ok: false; error: Failure } {
  return fits(value, REQUIRED[resource]) ? { ok: true, value: value as T } : { ok: false, error: malformed(resource, 'required fields are missing') };
}
