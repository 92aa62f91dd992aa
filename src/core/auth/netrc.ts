// A tolerant .netrc parser (pure). Tokens are separated by any whitespace, so several machines may share a line
// or one machine may span lines. `#` starts a comment at a token boundary. `macdef NAME` swallows its body up
// to the next blank line. Double-quoted tokens (with backslash escapes) are accepted. Never throws: anything
// it cannot read is reported in `warnings` and skipped.

export interface NetrcEntry {
  /** Undefined for the `default` entry. */
  machine?: string;
  login?: string;
  password?: string;
  account?: string;
  /** 1-based line where the entry starts. */
  line: number;
}

export interface Netrc {
  machines: NetrcEntry[];
  default?: NetrcEntry;
  warnings: string[];
}

interface Token {
  text: string;
  line: number;
  /** Index just past the token in the source, for macdef skipping. */
  end: number;
}

function readToken(src: string, i: number, line: number): { token?: Token; next: number; line: number } {
  let ln = line;
  let p = i;
  for (;;) {
    while (p < src.length && /\s/.test(src[p])) {
      if (src[p] === '\n') ln++;
      p++;
    }
    if (src[p] !== '#') break;
    while (p < src.length && src[p] !== '\n') p++;
  }
  if (p >= src.length) return { next: p, line: ln };
  let text = '';
  if (src[p] === '"') {
    p++;
    while (p < src.length && src[p] !== '"') {
      if (src[p] === '\\' && p + 1 < src.length) p++;
      if (src[p] === '\n') ln++;
      text += src[p++];
    }
    p++;
  } else {
    while (p < src.length && !/\s/.test(src[p])) text += src[p++];
  }
  return { token: { text, line: ln, end: p }, next: p, line: ln };
}

/** Skips a macdef body: from the end of the macdef line to the first empty line. */
function skipMacro(src: string, from: number, line: number): { next: number; line: number } {
  let p = src.indexOf('\n', from);
  if (p < 0) return { next: src.length, line };
  let ln = line + 1;
  p++;
  while (p < src.length) {
    const eol = src.indexOf('\n', p);
    const text = src.slice(p, eol < 0 ? src.length : eol);
    if (text.trim() === '') return { next: eol < 0 ? src.length : eol + 1, line: ln + 1 };
    if (eol < 0) return { next: src.length, line: ln };
    p = eol + 1;
    ln++;
  }
  return { next: p, line: ln };
}

const FIELDS = new Set(['login', 'password', 'account']);

export function parseNetrc(source: string): Netrc {
  const src = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const out: Netrc = { machines: [], warnings: [] };
  let current: NetrcEntry | undefined;
  let pos = 0;
  let line = 1;
  /** The token after keyword `t`, advancing the cursor; undefined (with a warning) at the end of the file. */
  const operand = (t: Token, what: string): string | undefined => {
    const v = readToken(src, pos, line);
    if (!v.token) {
      out.warnings.push(`line ${t.line}: "${t.text}" without ${what}`);
      return undefined;
    }
    pos = v.next;
    line = v.line;
    return v.token.text;
  };
  for (;;) {
    const r = readToken(src, pos, line);
    if (!r.token) break;
    const t = r.token;
    pos = r.next;
    line = r.line;
    if (t.text === 'machine') {
      const name = operand(t, 'a name');
      if (name === undefined) break;
      current = { line: t.line, machine: name };
      out.machines.push(current);
    } else if (t.text === 'default') {
      current = { line: t.line };
      out.default ??= current;
    } else if (t.text === 'macdef') {
      const name = readToken(src, pos, line);
      const from = name.token && name.token.line === t.line ? name.next : pos;
      const skipped = skipMacro(src, from, t.line);
      pos = skipped.next;
      line = skipped.line;
      current = undefined;
    } else if (FIELDS.has(t.text)) {
      const value = operand(t, 'a value');
      if (value === undefined) break;
      if (current) current[t.text as 'login' | 'password' | 'account'] = value;
      else out.warnings.push(`line ${t.line}: "${t.text}" outside a machine entry; ignored`);
    } else {
      out.warnings.push(`line ${t.line}: unexpected token; ignored`);
    }
  }
  return out;
}

/** The entry for `host` (exact, case-insensitive); the first one wins, as in ftp and curl. */
export function findMachine(netrc: Netrc, host: string): NetrcEntry | undefined {
  const h = host.toLowerCase();
  return netrc.machines.find((m) => m.machine?.toLowerCase() === h);
}
