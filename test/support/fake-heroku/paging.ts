import { HttpError } from './http';

/** A parsed Platform API `Range` header: `<field> [start]..[end]; max=N, order=asc|desc`. */
export interface RangeSpec {
  field: string;
  start?: string;
  startExclusive: boolean;
  end?: string;
  max: number;
  order: 'asc' | 'desc';
}

export const DEFAULT_MAX = 200;
export const MAX_MAX = 1000;

const bad = (msg: string): HttpError => new HttpError(416, 'requested_range_not_satisfiable', msg);

export function parseRange(header: string | undefined, sortFields: readonly string[]): RangeSpec {
  const fallback: RangeSpec = { field: sortFields[0] ?? 'id', startExclusive: false, max: DEFAULT_MAX, order: 'asc' };
  if (header === undefined || header.trim() === '') return fallback;
  const m = /^\s*([a-z_]+)\s*(\]?)([^;]*?)\.\.([^;]*?)\s*(?:;(.*))?$/i.exec(header);
  if (!m) throw bad(`Invalid Range header: ${header}`);
  const [, field, excl, start, end, paramText] = m;
  if (!sortFields.includes(field)) {
    throw bad(`Invalid Range header: ${field} is not sortable; use one of: ${sortFields.join(', ')}.`);
  }
  const spec: RangeSpec = { ...fallback, field, startExclusive: excl === ']' };
  if (start.trim() !== '') spec.start = start.trim();
  if (end.trim() !== '') spec.end = end.trim();
  for (const part of (paramText ?? '').split(/[;,]/)) {
    const p = part.trim();
    if (p === '') continue;
    const [k, v] = p.split('=').map((x) => x.trim());
    if (k === 'max') {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw bad(`Invalid Range header: max must be a positive integer.`);
      spec.max = Math.min(n, MAX_MAX);
    } else if (k === 'order') {
      if (v !== 'asc' && v !== 'desc') throw bad(`Invalid Range header: order must be asc or desc.`);
      spec.order = v;
    } else {
      throw bad(`Invalid Range header: unknown parameter ${k}.`);
    }
  }
  return spec;
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

/** Coerces a range bound to the field's type (versions are numbers). */
function bound(sample: unknown, v: string): unknown {
  return typeof sample === 'number' ? Number(v) : v;
}

export interface Page {
  items: Record<string, unknown>[];
  /** The value for a `Next-Range` header when more items remain. */
  nextRange?: string;
}

export function pageOf(all: readonly Record<string, unknown>[], spec: RangeSpec): Page {
  const dir = spec.order === 'desc' ? -1 : 1;
  const sorted = [...all].sort((a, b) => dir * compare(a[spec.field], b[spec.field]));
  const sample = sorted[0]?.[spec.field];
  const filtered = sorted.filter((it) => {
    const v = it[spec.field];
    if (spec.start !== undefined) {
      const c = dir * compare(v, bound(sample, spec.start));
      if (c < 0 || (c === 0 && spec.startExclusive)) return false;
    }
    if (spec.end !== undefined && dir * compare(v, bound(sample, spec.end)) > 0) return false;
    return true;
  });
  const items = filtered.slice(0, spec.max);
  if (filtered.length <= spec.max) return { items };
  const last = items[items.length - 1][spec.field];
  const params = spec.order === 'desc' ? `max=${spec.max}, order=desc` : `max=${spec.max}`;
  return { items, nextRange: `${spec.field} ]${String(last)}..; ${params}` };
}
