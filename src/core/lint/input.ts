// Is the file text at all? A Procfile, app.json or heroku.yml that is not UTF-8 (a binary, a UTF-16 file, a
// Latin-1 file) gets one finding that says so, and nothing else in it is linted: rules run on such a file would
// report every other line, with the undecodable bytes in their messages.
// - From bytes (the CLI, and the editor's disk reads): the first byte that is not valid UTF-8, or a NUL.
// - From decoded text (an open editor document): a U+FFFD, which the editor puts where it could not decode the
//   bytes, or a NUL. The byte offset is not known there, so the line and column are given.
// Past a size no real file reaches (MAX_LINT_SIZE), a file is not linted either, with one finding that says so:
// the yaml parser needs seconds and gigabytes on a megabyte of broken YAML, and the editor lints as you type.
import type { FileKind, Problem, Range } from './types';
import { range } from './types';

export const ENCODING_RULE = 'encoding';
export const TOO_LARGE_RULE = 'too-large';

/**
 * Largest file linted, in bytes (or UTF-16 units for editor text). Real files are far smaller: Procfiles are a few
 * lines, app.json a few KB, heroku.yml a few hundred bytes; at these sizes the worst input still lints in about a
 * second.
 */
export const MAX_LINT_SIZE: Readonly<Record<FileKind, number>> = { procfile: 1024 * 1024, appjson: 1024 * 1024, herokuyml: 64 * 1024 };

const LABEL: Record<FileKind, string> = { procfile: 'Procfiles', appjson: 'app.json', herokuyml: 'heroku.yml' };

export type Decoded = { ok: true; text: string } | { ok: false; problem: Problem };

/**
 * Offset of the first byte that does not belong to a well-formed UTF-8 sequence (RFC 3629: no overlong forms, no
 * surrogates, nothing above U+10FFFF), or -1 when all of it is UTF-8.
 */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) { i++; continue; }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b === 0xe0) { need = 2; lo = 0xa0; }
    else if (b === 0xed) { need = 2; hi = 0x9f; }
    else if (b >= 0xe1 && b <= 0xef) need = 2;
    else if (b === 0xf0) { need = 3; lo = 0x90; }
    else if (b >= 0xf1 && b <= 0xf3) need = 3;
    else if (b === 0xf4) { need = 3; hi = 0x8f; }
    else return i;
    if (i + need >= n) return i; // cut short by the end of the file
    const second = bytes[i + 1];
    if (second < lo || second > hi) return i;
    for (let k = 2; k <= need; k++) {
      const c = bytes[i + k];
      if (c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** Line and column (UTF-16) of character offset `at` in `text`. */
function positionOf(text: string, at: number): Range {
  const before = text.lastIndexOf('\n', at - 1);
  let line = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line++;
  const character = at - (before + 1);
  return range(line, character, line, character + 1);
}

function notText(kind: FileKind, where: Range, what: string): Problem {
  return {
    code: `${kind}/${ENCODING_RULE}`,
    severity: 'error',
    message: `This file is not UTF-8 text: ${what}. Heroku reads ${LABEL[kind]} as UTF-8; save the file as UTF-8 text. Nothing else in it was checked.`,
    range: where,
  };
}

function size(n: number): string {
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

function tooLarge(kind: FileKind, length: number): Problem | undefined {
  const max = MAX_LINT_SIZE[kind];
  if (length <= max) return undefined;
  return {
    code: `${kind}/${TOO_LARGE_RULE}`,
    severity: 'warning',
    message: `This file is ${size(length)}; files over ${size(max)} are not checked (a real ${LABEL_ONE[kind]} is a few KB at most). Nothing in it was checked.`,
    range: range(0, 0, 0, 0),
  };
}

const LABEL_ONE: Record<FileKind, string> = { procfile: 'Procfile', appjson: 'app.json', herokuyml: 'heroku.yml' };

const hexByte = (b: number) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;

/** The file's text, or the one finding that says it is not UTF-8 text (a NUL counts as binary) or too large. Never throws. */
export function decodeLintBytes(kind: FileKind, bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const bom = `${hexByte(bytes[0])} ${hexByte(bytes[1])}`;
    return { ok: false, problem: notText(kind, range(0, 0, 0, 1), `it starts with the UTF-16 byte order mark ${bom} (byte offset 0), so it is UTF-16`) };
  }
  const bad = invalidUtf8Offset(bytes);
  const nul = bytes.indexOf(0);
  if (bad < 0 && nul < 0) {
    const large = tooLarge(kind, bytes.length);
    return large ? { ok: false, problem: large } : { ok: true, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
  }
  const at = bad >= 0 && (nul < 0 || bad < nul) ? bad : nul;
  const prefix = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, at));
  const where = positionOf(prefix, prefix.length);
  const line = `line ${where.start.line + 1}`;
  const what = at === nul
    ? `it has a NUL byte at byte offset ${at} (${line}), so it is a binary file or UTF-16 text`
    : `the byte ${hexByte(bytes[at])} at byte offset ${at} (${line}) is not valid UTF-8`;
  return { ok: false, problem: notText(kind, where, what) };
}

/**
 * For text already decoded (an editor document): the finding when it is too large or holds a NUL or a U+FFFD
 * replacement character, else undefined.
 */
export function textInputProblem(kind: FileKind, text: string): Problem | undefined {
  if (typeof text !== 'string') return undefined;
  const large = tooLarge(kind, text.length);
  if (large) return large;
  const nul = text.indexOf('\0');
  const fffd = text.indexOf('\ufffd');
  if (nul < 0 && fffd < 0) return undefined;
  const at = nul >= 0 && (fffd < 0 || nul < fffd) ? nul : fffd;
  const where = positionOf(text, at);
  const pos = `line ${where.start.line + 1}, column ${where.start.character + 1}`;
  return notText(kind, where, at === nul
    ? `it has a NUL character at ${pos}, so it is a binary file or UTF-16 text`
    : `it has a U+FFFD replacement character at ${pos}, where the editor could not decode the bytes as UTF-8`);
}
