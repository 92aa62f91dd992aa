// .env files as a list of entries that keep their exact source text, so an unchanged file serializes back
// byte-for-byte and an edited one keeps its comments, blank lines, order, quoting and `export` prefixes.
// Pure: text in, data out; never throws.

export type Quote = '"' | "'" | '`' | '';

export interface EnvPair {
  kind: 'pair';
  /** The entry's exact source text, including its line ending (a double-quoted value may span lines). */
  raw: string;
  key: string;
  value: string;
  quote: Quote;
  exported: boolean;
  /** 0-based line where the entry starts. */
  line: number;
}

export interface EnvOther {
  /** `blank` and `comment` lines are kept as they are; `invalid` lines too, and reported by `problems`. */
  kind: 'blank' | 'comment' | 'invalid';
  raw: string;
  line: number;
}

export type EnvEntry = EnvPair | EnvOther;

export interface EnvDocument {
  entries: EnvEntry[];
  /** The line ending new entries get: the file's first one, else '\n'. */
  eol: '\n' | '\r\n';
}

const KEY = /^[ \t]*(export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*=[ \t]*/;

/** Splits text into lines that keep their terminators ('\n' or '\r\n'); the last may have none. */
function splitLines(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') {
      out.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

function stripEol(line: string): string {
  return line.replace(/\r?\n$/, '');
}

function unescapeDouble(body: string): string {
  return body.replace(/\\([nrt"\\$`])/g, (_m, c: string) =>
    c === 'n' ? '\n' : c === 'r' ? '\r' : c === 't' ? '\t' : c);
}

/** Index of the closing quote in `s` from `from`, honouring backslash escapes for double quotes; -1 if none. */
function closingQuote(s: string, from: number, quote: string): number {
  for (let i = from; i < s.length; i++) {
    if (quote === '"' && s[i] === '\\') {
      i++;
      continue;
    }
    if (s[i] === quote) return i;
  }
  return -1;
}

export function parseEnv(text: string): EnvDocument {
  const lines = splitLines(text);
  const eol = /\r\n/.test(lines[0] ?? '') ? '\r\n' : '\n';
  const entries: EnvEntry[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const body = stripEol(raw);
    if (body.trim() === '') {
      entries.push({ kind: 'blank', raw, line: i });
      continue;
    }
    if (body.trimStart().startsWith('#')) {
      entries.push({ kind: 'comment', raw, line: i });
      continue;
    }
    // A byte order mark (Windows editors write one) is not part of the first key; `raw` keeps it.
    const text = i === 0 && body.charCodeAt(0) === 0xfeff ? body.slice(1) : body;
    const m = KEY.exec(text);
    if (!m) {
      entries.push({ kind: 'invalid', raw, line: i });
      continue;
    }
    const exported = m[1] !== undefined;
    const key = m[2];
    const rest = text.slice(m[0].length);
    const q = rest[0];
    if (q === '"' || q === "'" || q === '`') {
      // A quoted value may span several lines (dotenv's multi-line values).
      let joined = rest;
      let last = i;
      let end = closingQuote(joined, 1, q);
      while (end < 0 && last + 1 < lines.length) {
        last++;
        joined += '\n' + stripEol(lines[last]);
        end = closingQuote(joined, 1, q);
      }
      const after = end < 0 ? '' : joined.slice(end + 1).trim();
      if (end < 0 || (after !== '' && !after.startsWith('#'))) {
        entries.push({ kind: 'invalid', raw, line: i });
        continue;
      }
      const inner = joined.slice(1, end);
      const value = q === '"' ? unescapeDouble(inner) : inner;
      entries.push({ kind: 'pair', raw: lines.slice(i, last + 1).join(''), key, value, quote: q, exported, line: i });
      i = last;
      continue;
    }
    // Unquoted: a `#` after whitespace starts a comment; surrounding spaces are not part of the value.
    const hash = rest.search(/[ \t]#/);
    const value = (hash >= 0 ? rest.slice(0, hash) : rest).trim();
    entries.push({ kind: 'pair', raw, key, value, quote: '', exported, line: i });
  }
  return { entries, eol };
}

export function serializeEnv(doc: EnvDocument): string {
  return doc.entries.map((e) => e.raw).join('');
}

/** The effective variables: the last assignment of a key wins, as with dotenv and `heroku local`. */
export function envToMap(doc: EnvDocument): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of doc.entries) if (e.kind === 'pair') out.set(e.key, e.value);
  return out;
}

export interface EnvProblem {
  line: number;
  message: string;
}

export function envProblems(doc: EnvDocument): EnvProblem[] {
  return doc.entries
    .filter((e) => e.kind === 'invalid')
    .map((e) => ({ line: e.line, message: `not a KEY=value line: ${stripEol(e.raw).slice(0, 40)}` }));
}
