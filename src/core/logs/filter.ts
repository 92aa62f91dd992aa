// Client-side filters over parsed lines: dyno, process type, source, text or regex, errors only. Heroku filters a
// session by dyno/type/source on its side too; these also work on any stream (stdin, Fir, a changed filter on a
// running tail) and add what Heroku has not (text, regex, errors only). A bad regex is an error value, not a throw.
import { isDynoName } from './dyno';
import { severityOf } from './severity';
import type { LogLine } from './types';

export interface LogFilterSpec {
  /** A dyno (`web.1`, `web-5d7f8b9c6-x7k2q`: exact) or a process type / component (`web`, `router`, `api`). */
  dyno?: string;
  /** Process type (`web`, `worker`). */
  type?: string;
  /** `app`, `heroku`, or an add-on's source. */
  source?: string;
  /** Substring of the whole line, case-insensitive. */
  text?: string;
  /** A JavaScript regular expression, as `source` or `/source/flags`, tested against the whole line. */
  regex?: string;
  /** Only error and warning lines (see severity.ts). */
  errorsOnly?: boolean;
}

export type LogFilter = (line: LogLine) => boolean;

export type CompiledFilter = { ok: true; filter: LogFilter; empty: boolean } | { ok: false; error: string };

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `/src/flags` or `src`; `g` and `y` are dropped (they make test() stateful). */
export function compileRegex(text: string): { ok: true; re: RegExp } | { ok: false; error: string } {
  const m = /^\/(.*)\/([a-z]*)$/s.exec(text);
  const [src, flags] = m ? [m[1], m[2].replace(/[gy]/g, '')] : [text, ''];
  try {
    return { ok: true, re: new RegExp(src, flags) };
  } catch (e) {
    return { ok: false, error: `Invalid regular expression ${JSON.stringify(text)}: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}` };
  }
}

const blank = (s: string | undefined): s is undefined | '' => s === undefined || s.trim() === '';

export function compileLogFilter(spec: LogFilterSpec = {}): CompiledFilter {
  const tests: LogFilter[] = [];
  if (!blank(spec.dyno)) {
    const d = spec.dyno.trim();
    tests.push(isDynoName(d) ? (l) => l.dyno === d : (l) => l.type === d || l.dyno === d);
  }
  if (!blank(spec.type)) {
    const t = spec.type.trim();
    tests.push((l) => l.type === t);
  }
  if (!blank(spec.source)) {
    const s = spec.source.trim();
    tests.push((l) => l.source === s);
  }
  if (!blank(spec.text)) {
    const re = new RegExp(escapeRegExp(spec.text), 'i');
    tests.push((l) => re.test(l.raw));
  }
  if (!blank(spec.regex)) {
    const r = compileRegex(spec.regex);
    if (!r.ok) return r;
    tests.push((l) => r.re.test(l.raw));
  }
  if (spec.errorsOnly) tests.push((l) => severityOf(l) !== 'info');
  if (tests.length === 0) return { ok: true, filter: () => true, empty: true };
  if (tests.length === 1) return { ok: true, filter: tests[0], empty: false };
  return { ok: true, filter: (l) => tests.every((t) => t(l)), empty: false };
}

/** A short label for a filter, e.g. `dyno web.1 · errors only · /timeout/i` ('' when empty). */
export function describeFilter(spec: LogFilterSpec): string {
  const parts: string[] = [];
  if (!blank(spec.dyno)) parts.push(`dyno ${spec.dyno.trim()}`);
  if (!blank(spec.type)) parts.push(`type ${spec.type.trim()}`);
  if (!blank(spec.source)) parts.push(`source ${spec.source.trim()}`);
  if (!blank(spec.text)) parts.push(`"${spec.text}"`);
  if (!blank(spec.regex)) parts.push(spec.regex.startsWith('/') ? spec.regex : `/${spec.regex}/`);
  if (spec.errorsOnly) parts.push('errors only');
  return parts.join(' · ');
}
