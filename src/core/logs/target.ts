// What "Heroku: Tail Logs" was asked to tail: an app name, an explorer node (app, dyno, formation), or
// `{ app, dyno?, type?, source? }` (Run Detached passes its new dyno). Pure; a bad filter value is an error value.
import type { LogTailFilter } from './ports';

export interface TailTarget extends LogTailFilter {
  /** Absent: ask (the workspace's apps first). */
  app?: string;
}

export type TargetResult = { ok: true; target: TailTarget } | { ok: false; error: string };

// Dyno names (`web.1`, `web-5d7f8b9c6-x7k2q`, `run.4821`), process types, sources (`app`, `heroku`, add-on names).
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;
const FIELDS = ['dyno', 'type', 'source'] as const;

function str(o: Record<string, unknown>, k: string): string | undefined {
  const v = o[k];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

function checked(t: TailTarget): TargetResult {
  for (const k of FIELDS) {
    const v = t[k];
    if (v !== undefined && !NAME.test(v)) return { ok: false, error: `Not a ${k} name: ${JSON.stringify(v.slice(0, 60))}.` };
  }
  return { ok: true, target: t };
}

export function tailTargetOf(arg: unknown): TargetResult {
  if (typeof arg === 'string') return { ok: true, target: arg.trim() ? { app: arg.trim() } : {} };
  if (typeof arg !== 'object' || arg === null) return { ok: true, target: {} };
  const o = arg as Record<string, unknown>;
  const app = str(o, 'app');
  // An explorer node (src/core/tree/nodes.ts): `ref` is the dyno of a dyno node, the process type of a formation row.
  if (typeof o.kind === 'string' && typeof o.id === 'string') {
    if (o.kind === 'dyno') return checked({ app, dyno: str(o, 'ref') });
    if (o.kind === 'formation') return checked({ app, type: str(o, 'ref') });
    return { ok: true, target: { app } };
  }
  return checked({ app, dyno: str(o, 'dyno'), type: str(o, 'type'), source: str(o, 'source') });
}

/** The filter part alone, without empty fields. */
export function filterOf(t: LogTailFilter): LogTailFilter {
  const f: LogTailFilter = {};
  for (const k of FIELDS) if (t[k]) f[k] = t[k];
  return f;
}

export function sameFilter(a: LogTailFilter, b: LogTailFilter): boolean {
  return FIELDS.every((k) => (a[k] || undefined) === (b[k] || undefined));
}

export function hasFilter(t: LogTailFilter): boolean {
  return FIELDS.some((k) => !!t[k]);
}
