// A light, forgiving scan of one shell command line (what `bash -c` would see): quotes, expansions, variables,
// trailing operators and comments. Not a shell parser: it finds what is clearly broken and where variables are.

export interface ShellVar {
  name: string;
  /** Column offsets within the command string: from `$` to the end of the reference. */
  start: number;
  end: number;
  /** `${NAME:-default}` and friends. */
  braced: boolean;
}

export interface ShellScan {
  vars: ShellVar[];
  /** Offset of an opening quote that is never closed. */
  unclosedQuote?: { at: number; quote: string };
  /** Offset of `${`, `$(` or a backtick that is never closed. */
  unclosedExpansion?: { at: number; opener: string };
  /** A trailing `&&`, `||` or `|` (after dropping a trailing comment and spaces). */
  danglingOperator?: { at: number; op: string };
  /** A trailing single `&` that backgrounds the whole command. */
  trailingAmpersand?: number;
  /** Where a `#` comment starts (outside quotes, after whitespace), or the command length. */
  codeEnd: number;
  /** Offsets of text outside any quotes, as [start, end) spans. */
  unquoted: [number, number][];
}

/** Characters the scan reacts to: quotes, backslash, `$`, parentheses, braces, `#`. */
const SPECIAL = new Uint8Array(128);
for (const ch of `'"\`\\$(){}#`) SPECIAL[ch.charCodeAt(0)] = 1;

const SQ = 39; // '
const DQ = 34; // "
const BT = 96; // `
const BS = 92; // \
const DOLLAR = 36;
const LBRACE = 123;
const RBRACE = 125;
const LPAREN = 40;
const RPAREN = 41;
const HASH = 35;

// What is open, innermost last. The top level (nothing open) is 0. Inside `$(…)`, `(…)`, backticks and
// `${…}` the shell reads quotes and expansions again, so `"$(hostname)"` and `${A:-"x"}` nest.
const X_SQ = 1; // '…'
const X_DQ = 2; // "…"
const X_BRACE = 3; // ${…} outside double quotes: '…' and "…" nest
const X_DQBRACE = 4; // ${…} inside double quotes: "…" nests, ' is a plain character
const X_SUBST = 5; // $(…)
const X_PAREN = 6; // (…) inside $(…)
const X_TICK = 7; // `…`: ends at the next unescaped backtick, whatever is open inside
const OPENERS = ['', "'", '"', '${', '${', '$(', '(', '`'];

const isNameStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isNameChar = (c: number) => isNameStart(c) || (c >= 48 && c <= 57);
const isQuote = (x: number) => x === X_SQ || x === X_DQ;

/** The open constructs as parallel arrays (allocated only when a command opens something). */
class Open {
  readonly kinds: number[] = [];
  readonly at: number[] = [];
  /** For `${NAME…}`: the index of its entry in `vars` (its end is set when the brace closes), else -1. */
  readonly varIndex: number[] = [];
  quotes = 0;
  ticks = 0;
  /** `${NAME` references not closed yet. */
  pendingVars = 0;
  /** Where the text outside all quotes resumes. */
  unquotedStart = 0;
  /** The first construct a closing backtick cut short (it is as unclosed as one left at the end). */
  cutQuote?: { at: number; quote: string };
  cutExpansion?: { at: number; opener: string };

  constructor(private readonly vars: ShellVar[], private readonly unquoted: [number, number][], unquotedStart: number) {
    this.unquotedStart = unquotedStart;
  }

  /** Opens a construct at `at`; returns the new innermost kind. */
  push(kind: number, at: number, varIndex = -1): number {
    if (isQuote(kind)) {
      if (this.quotes === 0 && at > this.unquotedStart) this.unquoted.push([this.unquotedStart, at]);
      this.quotes++;
    } else if (kind === X_TICK) {
      this.ticks++;
    }
    if (varIndex >= 0) this.pendingVars++;
    this.kinds.push(kind);
    this.at.push(at);
    this.varIndex.push(varIndex);
    return kind;
  }

  /** Closes the innermost construct with the character at `at`; returns the new innermost kind. */
  pop(at: number): number {
    const kind = this.kinds.pop();
    this.at.pop();
    const v = this.varIndex.pop() ?? -1;
    if (v >= 0) {
      this.vars[v].end = at + 1;
      this.pendingVars--;
    }
    if (kind === X_SQ || kind === X_DQ) {
      if (--this.quotes === 0) this.unquotedStart = at + 1;
    } else if (kind === X_TICK) {
      this.ticks--;
    }
    const n = this.kinds.length;
    return n === 0 ? 0 : this.kinds[n - 1];
  }

  /** A closing backtick at `at`: closes the innermost open backtick and whatever it cut short (kept for the report). */
  closeTick(at: number): number {
    for (let n = this.kinds.length; n > 0; n = this.kinds.length) {
      const kind = this.kinds[n - 1];
      if (kind === X_TICK) return this.pop(at);
      if (isQuote(kind)) this.cutQuote ??= { at: this.at[n - 1], quote: OPENERS[kind] };
      else if (kind !== X_PAREN) this.cutExpansion ??= { at: this.at[n - 1], opener: OPENERS[kind] };
      this.pop(at);
    }
    return 0;
  }
}

export function scanShell(cmd: string): ShellScan {
  const vars: ShellVar[] = [];
  const unquoted: [number, number][] = [];
  let open: Open | undefined;
  let cur = 0; // kind of the innermost open construct (0: top level)
  let uqStart = 0; // where the unquoted text resumes, until `open` exists (then open.unquotedStart)
  let codeEnd = cmd.length;
  let i = 0;
  const n = cmd.length;
  while (i < n) {
    const c = cmd.charCodeAt(i);
    // Fast path: characters that mean nothing to this scan in any state.
    if (c >= 128 || SPECIAL[c] === 0) {
      i++;
      continue;
    }
    if (cur !== 0) {
      // The first unescaped backtick ends `…` even inside quotes opened within it.
      if (c === BT && cur !== X_TICK && open!.ticks > 0) {
        cur = open!.closeTick(i);
        i++;
        continue;
      }
      if (cur === X_SQ) {
        if (c === SQ) cur = open!.pop(i);
        i++;
        continue;
      }
    }
    if (c === BS) {
      i += 2;
      continue;
    }
    if (cur === 0 && (c === SQ || c === DQ)) {
      // Fast path at the top level: a quoted string with nothing inside that opens anything.
      const close = c === SQ ? cmd.indexOf("'", i + 1) : plainDoubleQuoted(cmd, i + 1);
      if (close >= 0) {
        const start = open === undefined ? uqStart : open.unquotedStart;
        if (i > start) unquoted.push([start, i]);
        if (open === undefined) uqStart = close + 1;
        else open.unquotedStart = close + 1;
        i = close + 1;
        continue;
      }
    }
    if (c === DOLLAR) {
      const next = i + 1 < n ? cmd.charCodeAt(i + 1) : -1;
      if (next === LBRACE) {
        let j = i + 2;
        let v = -1;
        if (j < n && isNameStart(cmd.charCodeAt(j))) {
          while (j < n && isNameChar(cmd.charCodeAt(j))) j++;
          v = vars.push({ name: cmd.slice(i + 2, j), start: i, end: -1, braced: true }) - 1;
        }
        const close = plainBrace(cmd, j);
        if (close >= 0) {
          // Fast path: `${NAME}`, `${NAME:-5000}` with nothing inside that opens anything.
          if (v >= 0) vars[v].end = close + 1;
          i = close + 1;
          continue;
        }
        open ??= new Open(vars, unquoted, uqStart);
        cur = open.push(cur === X_DQ || cur === X_DQBRACE ? X_DQBRACE : X_BRACE, i, v);
        i = j;
        continue;
      }
      if (next === LPAREN) {
        open ??= new Open(vars, unquoted, uqStart);
        cur = open.push(X_SUBST, i);
        i += 2;
        continue;
      }
      if (next >= 0 && isNameStart(next)) {
        let j = i + 2;
        while (j < n && isNameChar(cmd.charCodeAt(j))) j++;
        vars.push({ name: cmd.slice(i + 1, j), start: i, end: j, braced: false });
        i = j;
        continue;
      }
      i++;
      continue;
    }
    if (c === BT) {
      open ??= new Open(vars, unquoted, uqStart);
      cur = cur === X_TICK ? open.pop(i) : open.push(X_TICK, i);
    } else if (cur === X_DQ) {
      if (c === DQ) cur = open!.pop(i);
    } else if (c === DQ || (c === SQ && cur !== X_DQBRACE)) {
      open ??= new Open(vars, unquoted, uqStart);
      cur = open.push(c === DQ ? X_DQ : X_SQ, i);
    } else if (c === RBRACE) {
      if (cur === X_BRACE || cur === X_DQBRACE) cur = open!.pop(i);
    } else if (c === LPAREN) {
      if (cur === X_SUBST || cur === X_PAREN) cur = open!.push(X_PAREN, i);
    } else if (c === RPAREN) {
      if (cur === X_SUBST || cur === X_PAREN) cur = open!.pop(i);
    } else if (c === HASH && cur === 0) {
      const prev = i === 0 ? 32 : cmd.charCodeAt(i - 1);
      if (prev === 32 || prev === 9) {
        codeEnd = i;
        break;
      }
    }
    i++;
  }
  return finish(cmd, open, vars, unquoted, uqStart, codeEnd);
}

/** The closing `"` of a double-quoted string from `from` on when nothing inside needs a closer (`$`, backtick, `\`), else -1. */
function plainDoubleQuoted(cmd: string, from: number): number {
  for (let k = from; k < cmd.length; k++) {
    const d = cmd.charCodeAt(k);
    if (d === DQ) return k;
    if (d === DOLLAR || d === BT || d === BS) return -1;
  }
  return -1;
}

/** The `}` closing a `${` from `from` on when no character before it means anything to the scan, else -1. */
function plainBrace(cmd: string, from: number): number {
  for (let k = from; k < cmd.length; k++) {
    const d = cmd.charCodeAt(k);
    if (d === RBRACE) return k;
    if (d < 128 && SPECIAL[d] === 1) return -1;
  }
  return -1;
}

function finish(cmd: string, open: Open | undefined, vars: ShellVar[], unquoted: [number, number][], uqStart: number, codeEnd: number): ShellScan {
  // `${NAME` never closed is not a variable reference.
  const found = open === undefined || open.pendingVars === 0 ? vars : vars.filter((v) => v.end >= 0);
  const scan: ShellScan = { vars: found, unquoted, codeEnd };
  let quote = open?.cutQuote;
  let expansion = open?.cutExpansion;
  if (open) {
    for (let k = 0; k < open.kinds.length; k++) {
      const kind = open.kinds[k];
      if (isQuote(kind)) quote ??= { at: open.at[k], quote: OPENERS[kind] };
      else if (kind !== X_PAREN) expansion ??= { at: open.at[k], opener: OPENERS[kind] };
    }
  }
  if (quote) scan.unclosedQuote = quote;
  if (expansion) scan.unclosedExpansion = expansion;
  const quoted = open !== undefined && open.quotes > 0;
  const unquotedStart = open?.unquotedStart ?? uqStart;
  if (!quoted && codeEnd > unquotedStart) unquoted.push([unquotedStart, codeEnd]);
  if (!quoted) trailing(cmd, codeEnd, scan);
  return scan;
}

function trailing(cmd: string, codeEnd: number, scan: ShellScan): void {
  let e = codeEnd;
  while (e > 0) {
    const c = cmd.charCodeAt(e - 1);
    if (c !== 32 && c !== 9) break;
    e--;
  }
  if (e === 0) return;
  const last = cmd.charCodeAt(e - 1);
  const prev = e >= 2 ? cmd.charCodeAt(e - 2) : -1;
  const escaped = (at: number) => at > 0 && cmd.charCodeAt(at - 1) === BS;
  if (prev === last && (last === 38 /* & */ || last === 124 /* | */) && !escaped(e - 2)) {
    scan.danglingOperator = { at: e - 2, op: last === 38 ? '&&' : '||' };
  } else if (last === 124 && !escaped(e - 1)) {
    scan.danglingOperator = { at: e - 1, op: '|' };
  } else if (last === 38 && !escaped(e - 1) && prev !== 62 /* > */ && prev !== 38) {
    scan.trailingAmpersand = e - 1;
  }
}
