// One JSON object per line for `heroku-workflows logs parse --json` / `logs tail --json`:
// {timestamp, source, dyno, type, message, fields?, code?}. JSON.stringify already escapes C0 controls; DEL, C1,
// line separators and bidi controls are escaped too, so the JSON text is safe on a terminal and means the same.
import type { LogLine } from './types';

export interface LogLineJson {
  timestamp: string | null;
  source: string | null;
  dyno: string | null;
  type: string | null;
  message: string;
  fields?: Readonly<Record<string, string>>;
  code?: string;
}

export function toJsonRecord(line: LogLine): LogLineJson {
  const out: LogLineJson = {
    timestamp: line.timestamp ?? null, source: line.source ?? null, dyno: line.dyno ?? null, type: line.type ?? null,
    message: line.message,
  };
  if (line.fields) out.fields = line.fields;
  if (line.code) out.code = line.code;
  return out;
}

const UNSAFE = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');

/** JSON text of a value with every control character as a \u escape. */
export function safeJson(value: unknown): string {
  const text = JSON.stringify(value);
  return UNSAFE.test(text)
    ? text.replace(UNSAFE_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    : text;
}
