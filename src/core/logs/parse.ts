// One log line → its parts. Accepts every shape Heroku has written (see test/fixtures/logs/lines.ts for the sources):
// logplex lines with any RFC 3339 offset and fraction, the old router format, drain-token lines, syslog drain frames
// with octet counts, BSD re-prints; anything else is a message without a header. Never throws; the header regexes
// are anchored and free of nested quantifiers, so a 1 MB line costs one linear pass at most.
import { isErrorCode } from './codes';
import { processTypeOf } from './dyno';
import { parsePairs, startsWithPair } from './fields';
import type { LineShape, LogLine } from './types';

const TS = String.raw`\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d(?::?\d\d)?)?`;
/** TIMESTAMP [DRAIN-TOKEN] SOURCE[DYNO]: */
const LOGPLEX = new RegExp(String.raw`^(${TS}) (?:[^\s[\]]+ (?=[^\s[\]]+\[))?([^\s[\]]+)\[([^\s[\]]+)\]:? ?`);
/** [OCTETS] <PRI>VERSION TIMESTAMP HOST APP PROC MSGID [SD] MSG */
const SYSLOG = /^(?:\d{1,7} )?<\d{1,3}>\d{1,2} (\S+) \S+ (\S+) (\S+)(?: -(?= |$))?(?: -(?= |$))? ?/;
/** TIMESTAMP HOST APP PROC - [-] MSG: a drain frame without its priority (Heroku's L10 example). */
const DRAIN = new RegExp(String.raw`^(${TS}) \S+ ([^\s[\]]+) ([^\s[\]]+) -(?: -)?(?: |$)`);
const BSD = /^([A-Z][a-z]{2} [ \d]?\d \d\d:\d\d:\d\d) \S+ ([^\s/[\]]+)[/[]([^\s[\]:]+)\]?: ?/;

/** An old-style or runtime error at the start of a message: `Error R14 (Memory…)`, `Error L10 (…)`, `L11 (…) ->`. */
const MESSAGE_CODE = /^(?:Error ([HRL]\d\d)\b|([HRL]\d\d) \()/;

function stripTerminator(s: string): string {
  let end = s.length;
  while (end > 0) {
    const c = s.charCodeAt(end - 1);
    if (c !== 10 && c !== 13) break;
    end--;
  }
  return end === s.length ? s : s.slice(0, end);
}

/**
 * A parsed line. The pairs, the error code and the process type are worked out on first use: the output channel's
 * path (parse, plain text) never needs them, and the pairs are most of the cost of a router line.
 */
class ParsedLine implements LogLine {
  private pairs: Record<string, string> | null | undefined = undefined;
  private errorCode: string | null | undefined = undefined;
  private processType: string | undefined = undefined;

  constructor(
    readonly raw: string, readonly shape: LineShape, readonly timestamp: string | undefined, readonly source: string,
    readonly dyno: string, readonly message: string,
  ) {}

  get type(): string {
    return (this.processType ??= processTypeOf(this.dyno));
  }

  get fields(): Record<string, string> | undefined {
    if (this.pairs === undefined) {
      this.pairs = (this.dyno === 'router' || startsWithPair(this.message) ? parsePairs(this.message) : undefined) ?? null;
    }
    return this.pairs ?? undefined;
  }

  get code(): string | undefined {
    if (this.errorCode === undefined) this.errorCode = findCode(this.message, this.fields) ?? null;
    return this.errorCode ?? undefined;
  }

  toJSON(): LogLine {
    const { raw, shape, timestamp, source, dyno, type, message, fields, code } = this;
    return { raw, shape, ...(timestamp === undefined ? {} : { timestamp }), source, dyno, type, message, ...(fields ? { fields } : {}), ...(code ? { code } : {}) };
  }
}

function findCode(message: string, fields: Record<string, string> | undefined): string | undefined {
  if (fields?.code !== undefined && isErrorCode(fields.code)) return fields.code;
  return messageCode(message);
}

/** An error code at the start of a message (`Error R14 (…)`, `Error L12: …`, `L11 (…) ->`). */
export function messageCode(message: string): string | undefined {
  if (message.length < 5) return undefined;
  const c0 = message.charCodeAt(0);
  if (c0 !== 69 /* E */ && c0 !== 72 /* H */ && c0 !== 82 /* R */ && c0 !== 76 /* L */) return undefined;
  const m = MESSAGE_CODE.exec(message);
  return m ? (m[1] ?? m[2]) : undefined;
}

function build(raw: string, shape: LineShape, timestamp: string | undefined, source: string, dyno: string, message: string): LogLine {
  return new ParsedLine(raw, shape, timestamp, source, dyno, message);
}

/** Parses one line (a trailing `\n` or `\r\n` is ignored). Total: every string gives a LogLine. */
export function parseLogLine(input: string): LogLine {
  const raw = stripTerminator(typeof input === 'string' ? input : String(input));
  const c0 = raw.charCodeAt(0);
  if (c0 >= 48 && c0 <= 57) {
    let m = LOGPLEX.exec(raw);
    if (m) return build(raw, 'logplex', m[1], m[2], m[3], raw.slice(m[0].length));
    m = SYSLOG.exec(raw);
    if (m) return build(raw, 'syslog', m[1] === '-' ? undefined : m[1], m[2], m[3], raw.slice(m[0].length));
    m = DRAIN.exec(raw);
    if (m) return build(raw, 'syslog', m[1], m[2], m[3], raw.slice(m[0].length));
  } else if (c0 === 60 /* < */) {
    const m = SYSLOG.exec(raw);
    if (m) return build(raw, 'syslog', m[1] === '-' ? undefined : m[1], m[2], m[3], raw.slice(m[0].length));
  } else if (c0 >= 65 && c0 <= 90) {
    const m = BSD.exec(raw);
    if (m) return build(raw, 'bsd', m[1], m[2], m[3], raw.slice(m[0].length));
  }
  return { raw, shape: 'text', message: raw };
}
