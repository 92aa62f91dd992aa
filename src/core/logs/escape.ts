// Log text is written by apps and by whoever sends requests to them (a request path is attacker-controlled), so
// it must never reach a terminal or an output channel with raw control characters: an ESC could recolour, move the
// cursor, retitle the terminal or hide what follows. Minimal local version: the shared src/core/text/escape.ts
// (another branch) can replace it behind the same function.

/**
 * C0 controls except TAB, DEL, C1 controls (0x9b is a one-byte CSI on some terminals), the Unicode line and
 * paragraph separators (an output channel breaks lines there) and the bidirectional overrides and isolates
 * (text that reads differently from what it is).
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const CONTROL_ALL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function visible(ch: string): string {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `text` with every control character written as a visible escape (`\x1b`, `\u202e`); tabs stay. */
export function escapeControl(text: string): string {
  // The test is native and allocation-free; almost every line has nothing to escape.
  return CONTROL.test(text) ? text.replace(CONTROL_ALL, visible) : text;
}

/** True when escapeControl would change `text`. */
export function hasControl(text: string): boolean {
  return CONTROL.test(text);
}
