// Where the cursor is in a block-style YAML file, by indentation: the keys above it (the path), the key on its
// line, and whether it sits on the key or in the value. Enough for hovers and completions in heroku.yml, which
// is always block style; flow style ({a: b}) gets no help, and nothing here throws.

export interface YamlContext {
  /** Keys of the enclosing mappings, outermost first; list items add no segment. */
  path: string[];
  /** The key written on the cursor's line, if any. */
  key?: string;
  /** The cursor is on (or before) that key, or on an empty line where a key would go. */
  onKey: boolean;
  /** Column where a key on this line starts (for completions on an empty line: the cursor column). */
  indent: number;
}

interface Line { indent: number; key?: string; dash: boolean }

const KEY = /^(-\s+)?([A-Za-z0-9_.<>-]+|"[^"]*"|'[^']*')\s*:(\s|$)/;

function analyze(text: string): Line | undefined {
  const indent = text.length - text.trimStart().length;
  const rest = text.slice(indent);
  if (rest === '' || rest.startsWith('#')) return undefined;
  const m = KEY.exec(rest);
  const dash = rest.startsWith('-');
  if (!m) return { indent: dash ? indent + 2 : indent, dash };
  const key = m[2].replace(/^["']|["']$/g, '');
  return { indent: m[1] ? indent + m[1].length : indent, key, dash };
}

export function yamlContextAt(text: string, line: number, character: number): YamlContext {
  const lines = text.split(/\r\n|\r|\n/);
  const current = lines[line] ?? '';
  const here = analyze(current);
  let indent: number;
  let key: string | undefined;
  let onKey: boolean;
  if (!here) {
    indent = Math.min(character, current.length);
    onKey = true;
  } else {
    indent = here.indent;
    key = here.key;
    const colon = key !== undefined ? current.indexOf(':', indent) : -1;
    onKey = key === undefined ? false : character <= colon;
  }
  const path: string[] = [];
  let limit = indent;
  for (let i = line - 1; i >= 0 && limit > 0; i--) {
    const l = analyze(lines[i]);
    if (!l || l.key === undefined) {
      if (l && l.dash && l.indent - 2 < limit) limit = l.indent - 2;
      continue;
    }
    if (l.indent < limit) {
      path.unshift(l.key);
      limit = l.dash ? l.indent - 2 : l.indent;
    }
  }
  return key === undefined ? { path, onKey, indent } : { path, key, onKey, indent };
}

/** Keys already written in the block the cursor's line belongs to, at the given indent. */
export function siblingKeys(text: string, line: number, indent: number): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  const keys: string[] = [];
  const scan = (from: number, step: number) => {
    for (let i = from; i >= 0 && i < lines.length; i += step) {
      const l = analyze(lines[i]);
      if (!l) continue;
      if (l.indent < indent) break;
      if (l.indent === indent && l.key !== undefined) keys.push(l.key);
    }
  };
  scan(line - 1, -1);
  scan(line + 1, 1);
  return keys;
}
