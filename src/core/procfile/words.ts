// A Procfile command split the way the shell would split it, enough to know which program gets which argument:
// simple commands (split at `;`, `&&`, `||`, `|`, `&`, parentheses), and their words with quotes removed and
// backslash escapes resolved. Expansions (`$PORT`, `${PORT:-5000}`, `$(…)`, backticks) stay as written, inside
// their word. Redirections (`> log`, `2>&1`) are dropped. Forgiving: an unclosed quote ends at the end of the line
// (procfile/unbalanced-quotes reports it). Every character of a word keeps its offset in the command, so a finding
// can point at the exact characters.

export interface Word {
  /** The word as the program receives it (expansions as written). */
  value: string;
  /** Offset in the command of each character of `value`. */
  at: number[];
  /** Offsets of the word as written: [start, end). */
  start: number;
  end: number;
}

export type SimpleCommand = Word[];

const SPACE = /[ \t]/;
const BREAK = /[;&|()]/;

/** End (exclusive) of the expansion or backtick string that starts at `i` (`$(`, `${`, or `` ` ``). */
function expansionEnd(cmd: string, i: number): number {
  if (cmd[i] === '`') {
    for (let j = i + 1; j < cmd.length; j++) {
      if (cmd[j] === '\\') j++;
      else if (cmd[j] === '`') return j + 1;
    }
    return cmd.length;
  }
  const open = cmd[i + 1] === '(' ? '(' : '{';
  const close = open === '(' ? ')' : '}';
  let depth = 0;
  for (let j = i + 1; j < cmd.length; j++) {
    const c = cmd[j];
    if (c === '\\') j++;
    else if (c === "'" && open === '(') {
      const q = cmd.indexOf("'", j + 1);
      j = q < 0 ? cmd.length : q;
    }
    else if (c === open) depth++;
    else if (c === close && --depth === 0) return j + 1;
  }
  return cmd.length;
}

/** The simple commands of one command line (a `#` comment at the start of a word ends it). Never throws. */
export function simpleCommands(cmd: string): SimpleCommand[] {
  const out: SimpleCommand[] = [];
  let words: Word[] = [];
  let cur: Word | undefined;
  /** The next word is the target of a redirection: read, then dropped. */
  let redirect = false;
  const endWord = () => {
    if (cur && !redirect) words.push(cur);
    else if (cur) redirect = false;
    cur = undefined;
  };
  const endCommand = () => {
    endWord();
    if (words.length) out.push(words);
    words = [];
  };
  const add = (ch: string, at: number) => {
    cur ??= { value: '', at: [], start: at, end: at };
    cur.value += ch;
    cur.at.push(at);
    cur.end = at + 1;
  };
  const n = cmd.length;
  for (let i = 0; i < n; i++) {
    const c = cmd[i];
    if (SPACE.test(c)) {
      endWord();
    } else if (c === '#' && !cur) {
      break;
    } else if (c === '>' || c === '<') {
      // `2>&1`, `>>log`, `<in`: the file-descriptor number before it is not an argument; nor is the target.
      if (cur && /^\d+$/.test(cur.value)) cur = undefined;
      endWord();
      while (i + 1 < n && /[<>&|]/.test(cmd[i + 1])) i++;
      redirect = true;
    } else if (BREAK.test(c)) {
      endCommand();
      redirect = false;
    } else if (c === '\\') {
      if (i + 1 < n) add(cmd[++i], i);
    } else if (c === "'") {
      const close = cmd.indexOf("'", i + 1);
      const end = close < 0 ? n : close;
      cur ??= { value: '', at: [], start: i, end: i };
      for (let j = i + 1; j < end; j++) add(cmd[j], j);
      i = end;
      cur.end = Math.min(n, end + 1);
    } else if (c === '"') {
      cur ??= { value: '', at: [], start: i, end: i };
      let j = i + 1;
      for (; j < n && cmd[j] !== '"'; j++) {
        if (cmd[j] === '\\' && j + 1 < n && '$`"\\'.includes(cmd[j + 1])) j++;
        else if (cmd[j] === '$' && (cmd[j + 1] === '(' || cmd[j + 1] === '{')) {
          const e = expansionEnd(cmd, j);
          for (let k = j; k < e; k++) add(cmd[k], k);
          j = e - 1;
          continue;
        }
        add(cmd[j], j);
      }
      i = j;
      cur.end = Math.min(n, j + 1);
    } else if (c === '`' || (c === '$' && (cmd[i + 1] === '(' || cmd[i + 1] === '{'))) {
      const e = expansionEnd(cmd, i);
      for (let k = i; k < e; k++) add(cmd[k], k);
      i = e - 1;
    } else {
      add(c, i);
    }
  }
  endCommand();
  return out;
}
