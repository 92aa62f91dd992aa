// The combined output of `heroku local`: `time type.N | line`, one colour per process. Pure: the caller passes
// the time and whether colours are on.
//
// Control characters written by a process never reach the terminal raw (a stray cursor move or title change
// would garble the interleaved view): each is shown escaped (`\x07`, `\r` …). Colour (SGR `ESC[…m`) is the one
// exception, kept when colours are on (a TTY without NO_COLOR) and removed otherwise, and a line that sets a
// colour is reset at its end so it cannot bleed into the next prefix. A CR before the line end (CRLF) is dropped.

import { WASM_BASE64 } from './plain-prefix-wasm.generated';

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

/** Where the byte path (PlainBytes.prefix) finds its input and puts its output, all in one memory. */
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
 * no colour. The input and the output live in one WebAssembly memory (`bytes`); the caller places the prefix and
 * the lines there, in regions that do not overlap the output's.
 */
export interface PlainBytes {
  readonly bytes: Uint8Array;
  /** Copies each line of the input after the prefix to the output; returns where the output ends, or -1 when a
   *  byte is anything else (then prefixLines decides, on the decoded text), the output would pass `end`, or a
   *  region lies outside `bytes`. */
  prefix(l: PlainBytesLayout): number;
}

interface Wasm {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number }) => { buffer: ArrayBuffer };
}
type PrefixFn = (prefixAt: number, prefixLength: number, from: number, to: number, at: number, end: number) => number;
let compiled: object | null | undefined;

/**
 * Working memory of at least `size` bytes for the byte path, or undefined where WebAssembly (with SIMD) is not
 * available: then every block takes prefixLines.
 *
 * Why (bench/local.bench.ts: 1 M lines, 65 MB; node 20): the text path (decode, a regular expression to find
 * control characters, replaceAll, encode) took ~160-190 ms and left ~150 MB of strings behind; the same loop in
 * JavaScript, four bytes at a time with a copyWithin per line, ~95 ms; plain-prefix.wat, 16 bytes at a time with
 * memory.copy, ~26 ms. With it (and the CLI's split bundle) the whole run went from 1.60x to 1.43x the writers' own
 * time, in 15 interleaved runs in which a bare node copier of the same pipes took 1.30x (docs/PERFORMANCE.md).
 */
export function plainBytes(size: number): PlainBytes | undefined {
  const wasm = (globalThis as unknown as { WebAssembly?: Wasm }).WebAssembly;
  if (!wasm || compiled === null) return undefined;
  try {
    compiled ??= new wasm.Module(Uint8Array.from(atob(WASM_BASE64), (c) => c.charCodeAt(0)));
    const memory = new wasm.Memory({ initial: Math.max(1, Math.ceil(size / 65536)) });
    const fn = new wasm.Instance(compiled, { env: { memory } }).exports.prefix as PrefixFn;
    const bytes = new Uint8Array(memory.buffer);
    const inside = (from: number, to: number) => Number.isInteger(from) && Number.isInteger(to) && from >= 0 && from <= to && to <= bytes.length;
    return {
      bytes,
      prefix: (l) => inside(l.prefixAt, l.prefixEnd) && inside(l.from, l.to) && inside(l.at, l.end)
        ? fn(l.prefixAt, l.prefixEnd - l.prefixAt, l.from, l.to, l.at, l.end)
        : -1,
    };
  } catch {
    compiled = null; // no SIMD (an old CPU), or no WebAssembly at all
    return undefined;
  }
}
