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
  /** Which parsers accept the name as written: NAME_CLASSIC | NAME_CNB | NAME_WORD bits (found while parsing). */
  nameClass: number;
}

/** `^[A-Za-z0-9_-]+$`: Cedar (classic). */
export const NAME_CLASSIC = 1;
/** `^[a-z0-9]([a-z0-9-]*[a-z0-9])?$`: Fir (CNB) without a rewrite. */
export const NAME_CNB = 2;
/** `^\w+$`: `heroku local`. */
export const NAME_WORD = 4;
/** The classes each ASCII character keeps (a character outside the table keeps none). */
const NAME_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const lower = c >= 97 && c <= 122;
  const digit = c >= 48 && c <= 57;
  const upper = c >= 65 && c <= 90;
  if (lower || digit) NAME_CHAR[c] = NAME_CLASSIC | NAME_CNB | NAME_WORD;
  else if (upper || c === 95 /* _ */) NAME_CHAR[c] = NAME_CLASSIC | NAME_WORD;
  else if (c === 45 /* - */) NAME_CHAR[c] = NAME_CLASSIC | NAME_CNB;
}

/**
 * An entry keeps its columns as numbers and builds `nameRange`/`commandRange` on first use (most entries of a
 * large file are never reported, and three objects per range are most of what a parse allocates).
 */
class Entry implements ProcfileEntry {
  private nr?: Range;
  private cr?: Range;
  constructor(
    readonly name: string,
    readonly command: string,
    readonly line: number,
    readonly colon: number,
    readonly spaceBeforeColon: boolean,
    readonly nameClass: number,
    /** Columns: name start and end, command start and end. */
    private readonly ns: number,
    private readonly ne: number,
    private readonly cs: number,
    private readonly ce: number,
  ) {}
  get nameRange(): Range {
    return (this.nr ??= range(this.line, this.ns, this.line, this.ne));
  }
  set nameRange(r: Range) {
    this.nr = r;
  }
  get commandRange(): Range {
    return (this.cr ??= range(this.line, this.cs, this.line, this.ce));
  }
  set commandRange(r: Range) {
    this.cr = r;
  }
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

/** Classifies one line and, for a declaration, appends its entry to `entries` (returns its index, else -1). */
function parseLine(text: string, line: number, startCol: number, entries: ProcfileEntry[]): LineKind | number {
  const n = text.length;
  let i = startCol;
  while (i < n && isSpace(text.charCodeAt(i))) i++;
  if (i === n) return 'blank';
  if (text.charCodeAt(i) === 35 /* # */) return 'comment';
  const colon = text.indexOf(':', i);
  if (colon < 0) return 'invalid';
  let nameEnd = colon;
  while (nameEnd > i && isSpace(text.charCodeAt(nameEnd - 1))) nameEnd--;
  if (nameEnd === i) return 'invalid';
  let nameClass = NAME_CLASSIC | NAME_CNB | NAME_WORD;
  for (let k = i; k < nameEnd; k++) {
    const c = text.charCodeAt(k);
    if (isSpace(c)) return 'invalid';
    nameClass &= c < 128 ? NAME_CHAR[c] : 0;
  }
  if (text.charCodeAt(i) === 45 || text.charCodeAt(nameEnd - 1) === 45) nameClass &= ~NAME_CNB;
  let cmdStart = colon + 1;
  while (cmdStart < n && isSpace(text.charCodeAt(cmdStart))) cmdStart++;
  entries.push(new Entry(text.slice(i, nameEnd), text.slice(cmdStart), line, colon, nameEnd < colon, nameClass, i, nameEnd, cmdStart, n));
  return entries.length - 1;
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
    if (last && end === pos && line > 0) {
      doc.finalNewline = true;
      break;
    }
    const lineText = text.slice(pos, end);
    const parsed = parseLine(lineText, line, line === 0 && doc.bom ? 1 : 0, doc.entries);
    doc.lines.push(
      typeof parsed === 'number'
        ? { line, kind: 'entry', text: lineText, cr, entry: parsed }
        : { line, kind: parsed, text: lineText, cr },
    );
    if (last) break;
    pos = nl + 1;
    line++;
  }
  return doc;
}
