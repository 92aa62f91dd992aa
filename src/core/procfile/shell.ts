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

/** Characters the scan reacts to: quotes, backslash, `$`, parentheses, `#`. */
const SPECIAL = new Uint8Array(128);
for (const ch of `'"\`\\$()#`) SPECIAL[ch.charCodeAt(0)] = 1;

const SQ = 39; // '
const DQ = 34; // "
const BT = 96; // `
const BS = 92; // \
const DOLLAR = 36;
const LBRACE = 123;
const LPAREN = 40;
const RPAREN = 41;
const HASH = 35;

// Open constructs on the expansion stack.
const OP_BRACE = 1; // ${
const OP_SUBST = 2; // $(
const OP_PAREN = 3; // ( inside $(
const OP_TICK = 4; // `
const OPENERS = ['', '${', '$(', '(', '`'];

const isNameStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isNameChar = (c: number) => isNameStart(c) || (c >= 48 && c <= 57);

/** The expansion stack as two parallel arrays (allocated only when a command opens something). */
interface Stack {
  ops: number[];
  at: number[];
}

function toggleBacktick(s: Stack, at: number): void {
  const idx = s.ops.indexOf(OP_TICK);
  if (idx >= 0) {
    s.ops.length = idx;
    s.at.length = idx;
  } else {
    s.ops.push(OP_TICK);
    s.at.push(at);
  }
}

export function scanShell(cmd: string): ShellScan {
  const vars: ShellVar[] = [];
  const unquoted: [number, number][] = [];
  let stack: Stack | undefined;
  let quote = 0; // SQ, DQ or 0
  let quoteAt = 0;
  let unquotedStart = 0;
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
    if (quote === SQ) {
      if (c === SQ) {
        quote = 0;
        unquotedStart = i + 1;
      }
      i++;
      continue;
    }
    if (c === BS) {
      i += 2;
      continue;
    }
    if (c === DOLLAR) {
      const next = i + 1 < n ? cmd.charCodeAt(i + 1) : -1;
      if (next === LBRACE) {
        const close = cmd.indexOf('}', i + 2);
        if (close < 0) {
          stack ??= { ops: [], at: [] };
          stack.ops.push(OP_BRACE);
          stack.at.push(i);
          i += 2;
          continue;
        }
        let j = i + 2;
        if (j < close && isNameStart(cmd.charCodeAt(j))) {
          while (j < close && isNameChar(cmd.charCodeAt(j))) j++;
          vars.push({ name: cmd.slice(i + 2, j), start: i, end: close + 1, braced: true });
        }
        i = close + 1;
        continue;
      }
      if (next === LPAREN) {
        stack ??= { ops: [], at: [] };
        stack.ops.push(OP_SUBST);
        stack.at.push(i);
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
    if (quote === DQ) {
      if (c === DQ) {
        quote = 0;
        unquotedStart = i + 1;
      } else if (c === BT) {
        toggleBacktick((stack ??= { ops: [], at: [] }), i);
      }
      i++;
      continue;
    }
    // Outside quotes.
    if (c === SQ || c === DQ) {
      if (i > unquotedStart) unquoted.push([unquotedStart, i]);
      quote = c;
      quoteAt = i;
    } else if (c === BT) {
      toggleBacktick((stack ??= { ops: [], at: [] }), i);
    } else if (c === LPAREN) {
      if (stack && stack.ops.length && stack.ops[stack.ops.length - 1] === OP_SUBST) {
        stack.ops.push(OP_PAREN);
        stack.at.push(i);
      }
    } else if (c === RPAREN) {
      const top = stack && stack.ops.length ? stack.ops[stack.ops.length - 1] : 0;
      if (top === OP_SUBST || top === OP_PAREN) {
        stack!.ops.pop();
        stack!.at.pop();
      }
    } else if (c === HASH && (stack === undefined || stack.ops.length === 0)) {
      const prev = i === 0 ? 32 : cmd.charCodeAt(i - 1);
      if (prev === 32 || prev === 9) {
        codeEnd = i;
        break;
      }
    }
    i++;
  }
  const scan: ShellScan = { vars, unquoted, codeEnd };
  if (quote !== 0) scan.unclosedQuote = { at: quoteAt, quote: quote === SQ ? "'" : '"' };
  else if (codeEnd > unquotedStart) unquoted.push([unquotedStart, codeEnd]);
  if (stack) {
    for (let k = 0; k < stack.ops.length; k++) {
      if (stack.ops[k] === OP_PAREN) continue;
      scan.unclosedExpansion = { at: stack.at[k], opener: OPENERS[stack.ops[k]] };
      break;
    }
  }
  if (quote === 0) trailing(cmd, codeEnd, scan);
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
