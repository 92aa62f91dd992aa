// What a pull or push would change, key by key, and the PATCH body a push sends.

export type ChangeKind = 'add' | 'change' | 'remove';

export interface EnvChange {
  key: string;
  kind: ChangeKind;
  before?: string;
  after?: string;
}

/** Changes that turn `from` into `to`; keys sorted. With `keepMissing`, keys absent from `to` are not removed. */
export function diffConfig(
  from: ReadonlyMap<string, string> | Record<string, string>,
  to: ReadonlyMap<string, string> | Record<string, string>,
  options: { keepMissing?: boolean } = {},
): EnvChange[] {
  const a = from instanceof Map ? from : new Map(Object.entries(from));
  const b = to instanceof Map ? to : new Map(Object.entries(to));
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort();
  const out: EnvChange[] = [];
  for (const key of keys) {
    const before = a.get(key);
    const after = b.get(key);
    if (before === undefined && after !== undefined) out.push({ key, kind: 'add', after });
    else if (before !== undefined && after === undefined) {
      if (!options.keepMissing) out.push({ key, kind: 'remove', before });
    } else if (before !== after) out.push({ key, kind: 'change', before, after });
  }
  return out;
}

/** The body of `PATCH /apps/{app}/config-vars`: a value sets a key, null removes it. */
export function patchBody(changes: readonly EnvChange[]): Record<string, string | null> {
  const body: Record<string, string | null> = {};
  for (const c of changes) body[c.key] = c.kind === 'remove' ? null : (c.after ?? '');
  return body;
}

/** One line per change for a confirmation prompt; values are never included. */
export function summarizeChanges(changes: readonly EnvChange[]): string {
  if (changes.length === 0) return 'no changes';
  const count = (k: ChangeKind) => changes.filter((c) => c.kind === k).length;
  const parts = [
    count('add') ? `${count('add')} added` : '',
    count('change') ? `${count('change')} changed` : '',
    count('remove') ? `${count('remove')} removed` : '',
  ].filter(Boolean);
  const names = changes.slice(0, 6).map((c) => c.key).join(', ') + (changes.length > 6 ? ', …' : '');
  return `${parts.join(', ')} (${names})`;
}

/** Config as sorted `KEY=value` lines (the text of a diff side). `mask` hides every value. */
export function configText(config: ReadonlyMap<string, string> | Record<string, string>, mask?: (v: string) => string): string {
  const m = config instanceof Map ? config : new Map(Object.entries(config));
  const show = (v: string) => (mask ? mask(v) : /^[^\s"'#\\]*$/.test(v) ? v : JSON.stringify(v));
  return [...m.keys()].sort().map((k) => `${k}=${show(m.get(k) ?? '')}`).join('\n') + '\n';
}
