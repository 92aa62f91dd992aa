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

const isNameStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isNameChar = (c: number) => isNameStart(c) || (c >= 48 && c <= 57);

export function scanShell(cmd: string): ShellScan {
  const vars: ShellVar[] = [];
  const unquoted: [number, number][] = [];
  const stack: { opener: string; at: number }[] = [];
  let quote: { q: string; at: number } | undefined;
  let unquotedStart = 0;
  let codeEnd = cmd.length;
  let i = 0;
  const n = cmd.length;
  while (i < n) {
    const code = cmd.charCodeAt(i);
    // Fast path: characters that mean nothing to this scan in any state.
    if (code >= 128 || SPECIAL[code] === 0) {
      i++;
      continue;
    }
    const c = cmd[i];
    if (quote?.q === "'") {
      if (c === "'") {
        quote = undefined;
        unquotedStart = i + 1;
      }
      i++;
      continue;
    }
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '$') {
      const next = cmd[i + 1];
      if (next === '{') {
        const close = cmd.indexOf('}', i + 2);
        if (close < 0) {
          stack.push({ opener: '${', at: i });
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
      if (next === '(') {
        stack.push({ opener: '$(', at: i });
        i += 2;
        continue;
      }
      if (next !== undefined && isNameStart(cmd.charCodeAt(i + 1))) {
        let j = i + 2;
        while (j < n && isNameChar(cmd.charCodeAt(j))) j++;
        vars.push({ name: cmd.slice(i + 1, j), start: i, end: j, braced: false });
        i = j;
        continue;
      }
      i++;
      continue;
    }
    if (quote?.q === '"') {
      if (c === '"') {
        quote = undefined;
        unquotedStart = i + 1;
      } else if (c === '`') {
        toggleBacktick(stack, i);
      }
      i++;
      continue;
    }
    // Outside quotes.
    if (c === "'" || c === '"') {
      if (i > unquotedStart) unquoted.push([unquotedStart, i]);
      quote = { q: c, at: i };
    } else if (c === '`') {
      toggleBacktick(stack, i);
    } else if (c === '(' ) {
      if (stack.length && stack[stack.length - 1].opener === '$(') stack.push({ opener: '(', at: i });
    } else if (c === ')') {
      const top = stack[stack.length - 1];
      if (top && (top.opener === '$(' || top.opener === '(')) stack.pop();
    } else if (c === '#' && (i === 0 || cmd[i - 1] === ' ' || cmd[i - 1] === '\t') && stack.length === 0) {
      codeEnd = i;
      break;
    }
    i++;
  }
  const scan: ShellScan = { vars, unquoted, codeEnd };
  if (quote) scan.unclosedQuote = { at: quote.at, quote: quote.q };
  else if (codeEnd > unquotedStart) unquoted.push([unquotedStart, codeEnd]);
  const open = stack.find((s) => s.opener !== '(');
  if (open) scan.unclosedExpansion = { at: open.at, opener: open.opener };
  if (!quote) trailing(cmd, codeEnd, scan);
  return scan;
}

function toggleBacktick(stack: { opener: string; at: number }[], at: number): void {
  const idx = stack.findIndex((s) => s.opener === '`');
  if (idx >= 0) stack.splice(idx);
  else stack.push({ opener: '`', at });
}

function trailing(cmd: string, codeEnd: number, scan: ShellScan): void {
  let e = codeEnd;
  while (e > 0 && (cmd[e - 1] === ' ' || cmd[e - 1] === '\t')) e--;
  const tail2 = cmd.slice(Math.max(0, e - 2), e);
  const escaped = (at: number) => at > 0 && cmd[at - 1] === '\\';
  if ((tail2 === '&&' || tail2 === '||') && !escaped(e - 2)) {
    scan.danglingOperator = { at: e - 2, op: tail2 };
  } else if (cmd[e - 1] === '|' && !escaped(e - 1)) {
    scan.danglingOperator = { at: e - 1, op: '|' };
  } else if (cmd[e - 1] === '&' && !escaped(e - 1) && cmd[e - 2] !== '>' && cmd[e - 2] !== '&') {
    scan.trailingAmpersand = e - 1;
  }
}
