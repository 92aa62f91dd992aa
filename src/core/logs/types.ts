/** Which framing a line came in; every shape is reduced to the same fields. */
export type LineShape =
  /** `2026-11-24T06:31:26.123456+00:00 app[web.1]: message` (what `heroku logs` and logplex sessions send). */
  | 'logplex'
  /** `<PRI>1 TIMESTAMP HOST APP PROC - MSG`, with or without the octet count of syslog and HTTPS drains. */
  | 'syslog'
  /** `Jan 08 10:55:11 host heroku/web.1: message` (BSD syslog, as some drain viewers re-print lines). */
  | 'bsd'
  /** Anything else (a continuation of a stack trace, junk): all message. */
  | 'text';

/** One log line, split into its parts. Plain data; never holds more than the line itself. */
export interface LogLine {
  /** The line as received, without its line terminator. May hold control characters: escape before output. */
  readonly raw: string;
  readonly shape: LineShape;
  /** As written (RFC 3339 with its own offset, or the BSD `Jan 08 10:55:11`). */
  readonly timestamp?: string;
  /** `app`, `heroku`, or an add-on's source. */
  readonly source?: string;
  /** What is in the brackets: `web.1`, `web-5d7f8b9c6-x7k2q`, `router`, `api`, `heroku-postgres`. */
  readonly dyno?: string;
  /** Process type: `web` for `web.1`; the dyno itself for `router`, `api`. */
  readonly type?: string;
  readonly message: string;
  /** `key=value` pairs of router lines and of messages that start with one (quoted values unquoted). */
  readonly fields?: Readonly<Record<string, string>>;
  /** Heroku error code (`H12`, `R14`, `L10`) from `code=` or an `Error R14 (...)` message. */
  readonly code?: string;
}
