// Text from buildpacks, the release phase and the API, made safe for an output channel or a terminal line: ANSI
// sequences removed and other control characters shown as escapes. A small local stand-in until
// src/core/text/escape.ts (the lint branch) lands; one function each so the switch is one import.

// CSI (ESC [ ... final), OSC (ESC ] ... BEL/ST) and two-character escapes.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/** ANSI removed, CR dropped, other control characters (not \n or \t) as `\xNN` / `\u{...}`. */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return stripAnsi(text).replace(/\r(?=\n)/g, '').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    if (c === '\r') return '';
    const code = c.codePointAt(0) ?? 0;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}
