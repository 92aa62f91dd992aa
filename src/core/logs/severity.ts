// How bad a line is, for "errors only" and for colour: router `at=`, error codes, 5xx, crashes, and the usual
// words apps print. Heuristic for app output; exact for Heroku's own lines.
import type { LogLine } from './types';

export type Severity = 'error' | 'warning' | 'info';

/** Codes Heroku logs with `at=info`: states, not failures. */
const INFO_CODES = new Set(['H80', 'H81']);
// No pattern has a quantified prefix before a literal, so a 1 MB message is one linear scan.
const APP_ERROR = /\b(?:ERROR|FATAL|CRITICAL|PANIC|Traceback)\b|^Error\b|[a-z]Error\b|Exception\b|\bUnhandled/;
const APP_WARNING = /\b(?:WARN|WARNING)\b|Warning:/;
const CRASHED = /^State changed from \w+ to crashed/;

/** The HTTP status of a router line (`status=503`), if any. */
export function statusOf(line: LogLine): number | undefined {
  const s = line.fields?.status;
  if (s === undefined || s.length !== 3) return undefined;
  const n = Number(s);
  return Number.isInteger(n) ? n : undefined;
}

export function severityOf(line: LogLine): Severity {
  const at = line.fields?.at;
  if (at === 'error') return 'error';
  if (at === 'warning') return 'warning';
  if (line.code !== undefined) {
    if (INFO_CODES.has(line.code)) return 'info';
    return line.code[0] === 'L' ? 'warning' : 'error';
  }
  const status = statusOf(line);
  if (status !== undefined) return status >= 500 ? 'error' : 'info';
  if (line.shape === 'text' || line.source !== 'heroku') {
    if (APP_ERROR.test(line.message)) return 'error';
    if (APP_WARNING.test(line.message)) return 'warning';
    return 'info';
  }
  return CRASHED.test(line.message) ? 'error' : 'info';
}
