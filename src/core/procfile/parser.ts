// Procfile parser: line-based, lenient, exact 0-based ranges, never throws.
// It accepts more than Heroku does (any name token before the first colon) so rules can explain what is wrong;
// the strict checks live in rules. See docs/RULES.md "## Procfile" for the three real parsers this mirrors.
import type { Range } from '../lint/types';
import { range } from '../lint/types';

export interface ProcfileEntry {
  /** Process type as written (without leading whitespace or a leading BOM). */
  name: string;
  nameRange: Range;
  /** Command after the colon and the spaces/tabs that follow it; excludes a trailing `\r`. */
  command: string;
  /** Empty range right after the colon when the command is empty. */
  commandRange: Range;
  /** 0-based line. */
  line: number;
  /** Column of the `:` separator. */
  colon: number;
  /** Whitespace between the name and the colon (`web : cmd`), if any. */
  spaceBeforeColon: boolean;
}

export type LineKind = 'blank' | 'comment' | 'entry' | 'invalid';

export interface ProcfileLine {
  line: number;
  kind: LineKind;
  /** The line's text without its line ending (a trailing `\r` is removed; see `cr`). */
  text: string;
  /** The line ended in `\r\n`. */
  cr: boolean;
  /** Index into `entries` for kind 'entry'. */
  entry?: number;
}

export interface ProcfileDocument {
  entries: ProcfileEntry[];
  lines: ProcfileLine[];
  /** The text starts with a UTF-8 byte order mark (U+FEFF). */
  bom: boolean;
  /** Number of lines ending in `\r\n`. */
  crlfCount: number;
  /** The last line ends with a line break. */
  finalNewline: boolean;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

function parseLine(text: string, line: number, startCol: number): { kind: LineKind; entry?: ProcfileEntry } {
  const n = text.length;
  let i = startCol;
  while (i < n && isSpace(text.charCodeAt(i))) i++;
  if (i === n) return { kind: 'blank' };
  if (text.charCodeAt(i) === 35 /* # */) return { kind: 'comment' };
  const colon = text.indexOf(':', i);
  if (colon < 0) return { kind: 'invalid' };
  let nameEnd = colon;
  while (nameEnd > i && isSpace(text.charCodeAt(nameEnd - 1))) nameEnd--;
  if (nameEnd === i) return { kind: 'invalid' };
  for (let k = i; k < nameEnd; k++) {
    const c = text.charCodeAt(k);
    if (isSpace(c)) return { kind: 'invalid' };
  }
  let cmdStart = colon + 1;
  while (cmdStart < n && isSpace(text.charCodeAt(cmdStart))) cmdStart++;
  return {
    kind: 'entry',
    entry: {
      name: text.slice(i, nameEnd),
      nameRange: range(line, i, line, nameEnd),
      command: text.slice(cmdStart),
      commandRange: range(line, cmdStart, line, n),
      line,
      colon,
      spaceBeforeColon: nameEnd < colon,
    },
  };
}

export function parseProcfile(text: string): ProcfileDocument {
  const doc: ProcfileDocument = { entries: [], lines: [], bom: false, crlfCount: 0, finalNewline: false };
  if (typeof text !== 'string') return doc;
  doc.bom = text.charCodeAt(0) === 0xfeff;
  let pos = 0;
  let line = 0;
  const len = text.length;
  while (pos <= len) {
    let nl = text.indexOf('\n', pos);
    const last = nl < 0;
    if (last) nl = len;
    let end = nl;
    const cr = !last && end > pos && text.charCodeAt(end - 1) === 13;
    if (cr) {
      end--;
      doc.crlfCount++;
    }
    const lineText = text.slice(pos, end);
    if (last && lineText.length === 0 && line > 0) {
      doc.finalNewline = true;
      break;
    }
    const parsed = parseLine(lineText, line, line === 0 && doc.bom ? 1 : 0);
    const entry: ProcfileLine = { line, kind: parsed.kind, text: lineText, cr };
    if (parsed.entry) {
      entry.entry = doc.entries.length;
      doc.entries.push(parsed.entry);
    }
    doc.lines.push(entry);
    if (last) break;
    pos = nl + 1;
    line++;
  }
  return doc;
}
