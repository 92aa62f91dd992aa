// Text from files, the API or logs is written by someone else: before it reaches a terminal (or a message that may
// be copied to one), every character a terminal could act on is shown as a visible escape instead. Pure and fast:
// a string with nothing to escape is returned as it is, after one regular-expression test.
//
// Escaped, each as `\uXXXX` (so `\x1b` reads `\u001b`, and the result is also valid inside a JSON string):
// - C0 controls U+0000-U+001F (ESC, BEL, backspace, carriage return, line feed, tab…), DEL U+007F and the C1
//   controls U+0080-U+009F (U+009B is a one-character CSI for terminals that read 8-bit controls);
// - the bidirectional overrides and isolates U+202A-U+202E and U+2066-U+2069 (they reorder what is shown: the
//   "Trojan Source" trick) and the line and paragraph separators U+2028, U+2029 (some viewers break lines there);
// - a lone surrogate (half of an emoji: it cannot be encoded as UTF-8, so a terminal would print U+FFFD anyway).
// A backslash is left as it is: the escapes are for people to read, not a format to decode.

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const UNSAFE_TEST = new RegExp(UNSAFE.source);

export interface EscapeOptions {
  /** Characters to let through unchanged, e.g. `'\t'` for a log line whose columns are tab-separated. */
  keep?: string;
}

function hex4(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * `text` with every control, bidi-override and line-separator character (and lone surrogate) written as `\uXXXX`:
 * `escapeControl('we\x1b]0;pwned\x07b')` is `'we\\u001b]0;pwned\\u0007b'`. Never throws; non-strings become ''.
 */
export function escapeControl(text: string, options?: EscapeOptions): string {
  if (typeof text !== 'string') return '';
  if (!UNSAFE_TEST.test(text)) return text;
  const keep = options?.keep;
  return text.replace(UNSAFE, (ch) => (keep !== undefined && keep.includes(ch) ? ch : hex4(ch)));
}

/** Whether `text` holds anything `escapeControl` would change (for tests and for callers that only need to know). */
export function hasControl(text: string): boolean {
  return typeof text === 'string' && UNSAFE_TEST.test(text);
}

// JSON.stringify already writes C0 controls and lone surrogates as `\uXXXX`; these it leaves raw.
const JSON_UNSAFE = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON.stringify, with the characters it leaves raw that a terminal could act on (DEL, C1, bidi controls, line
 * separators) also written as `\uXXXX`. Lossless: parsing the result gives back exactly `value`.
 */
export function stringifyJsonSafe(value: unknown, indent?: number): string {
  const json = JSON.stringify(value, null, indent) ?? 'null';
  return json.replace(JSON_UNSAFE, hex4);
}
