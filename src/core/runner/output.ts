// The combined output of `heroku local`: `time type.N | line`, one colour per process. Pure: the caller passes
// the time and whether colours are on.
//
// Control characters written by a process never reach the terminal raw (a stray cursor move or title change
// would garble the interleaved view): each is shown escaped (`\x07`, `\r` …). Colour (SGR `ESC[…m`) is the one
// exception, kept when colours are on (a TTY without NO_COLOR) and removed otherwise, and a line that sets a
// colour is reset at its end so it cannot bleed into the next prefix. A CR before the line end (CRLF) is dropped.

/* eslint-disable no-control-regex -- finding control characters is what these expressions are for */
const SGR = /\x1b\[[0-9;:]*m/g;
// Control characters other than tab (a line feed inside one line is escaped too).
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f-\x9f]/;
const CONTROL_G = /[\x00-\x08\x0a-\x1f\x7f-\x9f]/g;
// The same but line feed, for a block of lines.
const BLOCK_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;
/* eslint-enable no-control-regex */
const RESET = '\x1b[0m';

/** Distinct foreground colours, cycled per process (red is kept for failures). */
const PALETTE = ['35', '34', '36', '32', '33', '95', '94', '96', '92', '93'];

export function colourCode(index: number): string {
  return PALETTE[index % PALETTE.length];
}

export function paint(text: string, code: string | undefined): string {
  return code === undefined ? text : `\x1b[${code}m${text}${RESET}`;
}

function escapeChar(c: string): string {
  if (c === '\r') return '\\r';
  if (c === '\n') return '\\n';
  const n = c.charCodeAt(0);
  return n < 0x80 ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
}

/** One line of process output made safe for a terminal (see the file comment). */
export function sanitizeLine(line: string, keepColour: boolean): string {
  let s = line.endsWith('\r') ? line.slice(0, -1) : line;
  if (!CONTROL.test(s)) return s;
  if (!keepColour) return s.replace(SGR, '').replace(CONTROL_G, escapeChar);
  let out = '';
  let last = 0;
  let coloured = false;
  SGR.lastIndex = 0;
  for (let m = SGR.exec(s); m; m = SGR.exec(s)) {
    out += s.slice(last, m.index).replace(CONTROL_G, escapeChar) + m[0];
    last = m.index + m[0].length;
    coloured = true;
  }
  s = out + s.slice(last).replace(CONTROL_G, escapeChar);
  return coloured ? s + RESET : s;
}

/** `HH:MM:SS` of the given local time. */
export function timeOfDay(d: Date): string {
  const two = (n: number) => (n < 10 ? '0' : '') + n;
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

/** `12:00:01 web.1    | ` (coloured when `colour` is a code). */
export function linePrefix(time: string, name: string, width: number, colour: string | undefined): string {
  return paint(`${time} ${name.padEnd(width)} |`, colour) + ' ';
}

/**
 * Prefixes every line of a block of whole lines (each ending in '\n', as the supervisor hands them over).
 * This runs for every line a process prints: a block without control characters (nearly all) is done by one
 * native replaceAll, which builds a flat string (a `+=` per line builds a rope that is copied again on write).
 */
export function prefixLines(block: string, prefix: string, keepColour: boolean): string {
  if (block === '') return '';
  const body = block.endsWith('\n') ? block.slice(0, -1) : block;
  if (!BLOCK_CONTROL.test(body)) return prefix + body.replaceAll('\n', '\n' + prefix) + '\n';
  let out = '';
  for (const line of body.split('\n')) out += prefix + sanitizeLine(line, keepColour) + '\n';
  return out;
}

/** Where prefixPlainBytes finds its input and puts its output, all in one buffer (see there). */
export interface PlainBytesLayout {
  /** The prefix: [prefixAt, prefixEnd). */
  prefixAt: number;
  prefixEnd: number;
  /** The lines, each ending in '\n': [from, to). */
  from: number;
  to: number;
  /** The output goes from `at` and may not pass `end`. */
  at: number;
  end: number;
}

/**
 * prefixLines on bytes, for the common case: lines of printable ASCII and tabs, which need no escaping and hold
 * no colour. Copies each line of the input after the prefix to the output; returns where the output ends, or -1
 * when a byte is anything else (then prefixLines decides, on the decoded text) or the output would pass `end`.
 *
 * Why (bench/local.bench.ts: 1 M lines, 65 MB; node 20, alone in a loop): the text path (decode, a regular
 * expression to find control characters, replaceAll, encode) took ~160-190 ms and left ~150 MB of strings behind,
 * ~90 scavenges a run of the CLI. Here nothing is allocated per line: copyWithin is the one copy in JavaScript that
 * needs no subarray object (a `set(subarray)` per line took ~125-150 ms), and it copies within one buffer, hence
 * the one buffer. The bytes are checked four at a time (a word with a line feed or tab in it, byte by byte; a loop
 * over single bytes took twice as long): ~80 ms.
 */
export function prefixPlainBytes(buf: Uint8Array, l: PlainBytesLayout): number {
  const prefixLength = l.prefixEnd - l.prefixAt;
  let o = l.at;
  let line = l.from;
  // Whole words from the first offset in the ArrayBuffer that is a multiple of 4 (Int32Array's rule).
  const first = l.from + ((4 - ((buf.byteOffset + l.from) & 3)) & 3);
  const count = l.to > first ? (l.to - first) >> 2 : 0;
  const words = count ? new Int32Array(buf.buffer, buf.byteOffset + first, count) : new Int32Array(0);
  const wordsEnd = first + words.length * 4;
  for (let i = l.from; i < l.to;) {
    if (i >= first && i < wordsEnd && ((i - first) & 3) === 0) {
      const x = words[(i - first) >> 2];
      // The top bit of a byte is set in (x - 0x20) & ~x when the byte is below 0x20 (a borrow may mark bytes
      // above it too, never a word without one), in x + 1 or x when it is 0x7f or above. A clean word is skipped.
      if (!((((x - 0x20202020) & ~x) | (x + 0x01010101) | x) & 0x80808080)) {
        i += 4;
        continue;
      }
    }
    const b = buf[i];
    if (b === 0x0a) {
      const next = o + prefixLength + i + 1 - line;
      if (next > l.end) return -1;
      buf.copyWithin(o, l.prefixAt, l.prefixEnd);
      buf.copyWithin(o + prefixLength, line, i + 1);
      o = next;
      line = i + 1;
    } else if (b < 0x20 ? b !== 0x09 : b >= 0x7f) {
      return -1;
    }
    i++;
  }
  return line === l.to ? o : -1;
}
