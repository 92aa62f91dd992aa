// Edits to a parsed .env document that touch only the entries they change: every other byte stays as it was.
import type { EnvDocument, EnvEntry, EnvPair, Quote } from './parse';

const SAFE_UNQUOTED = /^[A-Za-z0-9_./:@%+,=-]*$/;

function escapeDouble(value: string): string {
  return value.replace(/[\\"$`]/g, (c) => `\\${c}`).replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** Picks a quoting that reads the value back exactly, preferring the entry's own style. */
function formatValue(value: string, preferred: Quote): string {
  if (preferred === "'" && !value.includes("'") && !/[\r\n]/.test(value)) return `'${value}'`;
  if (preferred === '' && SAFE_UNQUOTED.test(value)) return value;
  if (preferred === '`' && !value.includes('`') && !/[\r\n]/.test(value)) return `\`${value}\``;
  if (preferred !== '"' && SAFE_UNQUOTED.test(value)) return value;
  return `"${escapeDouble(value)}"`;
}

function lineEnding(raw: string, fallback: string): string {
  const m = /\r?\n$/.exec(raw);
  return m ? m[0] : fallback;
}

const HEAD = /^[ \t]*(?:export[ \t]+)?[A-Za-z_][A-Za-z0-9_.-]*[ \t]*=[ \t]*/;

/** The text after the value on a single-line entry (spaces and a `# comment`), kept when the value changes. */
function trailingComment(entry: EnvPair, body: string): string {
  const rest = body.slice(HEAD.exec(body)?.[0].length ?? body.length);
  if (entry.quote === '') return /[ \t]+#.*$/.exec(rest)?.[0] ?? '';
  let i = 1;
  for (; i < rest.length; i++) {
    if (entry.quote === '"' && rest[i] === '\\') i++;
    else if (rest[i] === entry.quote) break;
  }
  return rest.slice(i + 1).replace(/^[ \t]*$/, '');
}

/** Writes `KEY=value`, keeping the entry's `export` prefix, leading indentation, trailing comment and line ending. */
function rewrite(entry: EnvPair, value: string, eol: string): EnvPair {
  const body = entry.raw.replace(/\r?\n$/, '');
  const multiLine = /\n/.test(body);
  const indent = /^[ \t]*/.exec(body)?.[0] ?? '';
  const prefix = entry.exported ? 'export ' : '';
  const formatted = formatValue(value, entry.quote);
  const comment = multiLine ? '' : trailingComment(entry, body);
  const end = /\r?\n$/.test(entry.raw) ? lineEnding(entry.raw, eol) : '';
  const raw = `${indent}${prefix}${entry.key}=${formatted}${comment}${end}`;
  const q = formatted[0];
  const quote: Quote = q === '"' || q === "'" || q === '`' ? q : '';
  return { ...entry, raw, value, quote };
}

function withEntries(doc: EnvDocument, entries: EnvEntry[]): EnvDocument {
  return { ...doc, entries };
}

function lastIndexOfKey(entries: EnvEntry[], key: string): number {
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i];
    if (e.kind === 'pair' && e.key === key) return i;
  }
  return -1;
}

/** Sets a key: rewrites its last assignment in place, or appends a new line at the end. */
export function setEnvValue(doc: EnvDocument, key: string, value: string): EnvDocument {
  const entries = [...doc.entries];
  const at = lastIndexOfKey(entries, key);
  if (at >= 0) {
    const e = entries[at] as EnvPair;
    if (e.value === value) return doc;
    entries[at] = rewrite(e, value, doc.eol);
    return withEntries(doc, entries);
  }
  const last = entries[entries.length - 1];
  if (last && !/\n$/.test(last.raw)) entries[entries.length - 1] = { ...last, raw: last.raw + doc.eol };
  const line = entries.reduce((n, e) => n + (e.raw.match(/\n/g)?.length ?? 0), 0);
  const blank: EnvPair = { kind: 'pair', raw: '', key, value, quote: '', exported: false, line };
  entries.push(rewrite({ ...blank, raw: `${key}=${doc.eol}` }, value, doc.eol));
  return withEntries(doc, entries);
}

/** Removes every assignment of a key (their lines only). */
export function removeEnvKey(doc: EnvDocument, key: string): EnvDocument {
  const entries = doc.entries.filter((e) => !(e.kind === 'pair' && e.key === key));
  return entries.length === doc.entries.length ? doc : withEntries(doc, entries);
}

export interface PullOptions {
  /** Also delete local keys the app does not have. Default false: local-only keys (PORT, …) are kept. */
  removeMissing?: boolean;
}

/** Keys that can be a .env line (`KEY=…`): the names the parser reads back. */
const ENV_KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/**
 * Pull: the app's config into the document. Keys the file has are rewritten in place; new keys are appended
 * in sorted order; local-only keys stay unless `removeMissing`. The config comes from the API: a value that is
 * not text, or a key that cannot be a .env name, is skipped (the file keeps what it had), never thrown on.
 */
export function mergeIntoEnv(doc: EnvDocument, config: Readonly<Record<string, unknown>>, options: PullOptions = {}): EnvDocument {
  let out = doc;
  const usable = new Map<string, string>();
  for (const [k, v] of Object.entries(config)) if (typeof v === 'string' && ENV_KEY.test(k)) usable.set(k, v);
  const existing = new Set(doc.entries.flatMap((e) => (e.kind === 'pair' ? [e.key] : [])));
  for (const key of existing) {
    const value = usable.get(key);
    if (value !== undefined) out = setEnvValue(out, key, value);
    else if (options.removeMissing && !Object.prototype.hasOwnProperty.call(config, key)) out = removeEnvKey(out, key);
  }
  for (const key of [...usable.keys()].sort()) {
    if (!existing.has(key)) out = setEnvValue(out, key, usable.get(key) ?? '');
  }
  return out;
}
