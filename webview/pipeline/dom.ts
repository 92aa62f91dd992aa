// The only way this webview makes elements: tag, class, attributes from a fixed list, and children that are
// elements or text nodes. Strings always become text (textContent / createTextNode), never markup: app names,
// descriptions, branches and commit messages come from users of the Heroku account.

export type Child = Node | string | number | false | null | undefined;

const ALLOWED_ATTRS = new Set(['role', 'tabindex', 'title', 'aria-label', 'aria-live', 'aria-expanded', 'aria-controls', 'aria-busy',
  'aria-describedby', 'aria-hidden', 'aria-labelledby', 'aria-level', 'aria-posinset', 'aria-setsize', 'id', 'type', 'data-app', 'data-key', 'datetime', 'colspan']);

export function h(tag: string, cls?: string | null, attrs?: Record<string, string | undefined> | null, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  if (cls) el.className = cls;
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined) continue;
    if (!ALLOWED_ATTRS.has(k)) throw new Error(`attribute ${k} is not allowed`);
    el.setAttribute(k, v);
  }
  append(el, ...children);
  return el;
}

export function append(el: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

export function button(label: string, onClick: () => void, cls = 'btn', title?: string): HTMLButtonElement {
  const b = h('button', cls, { type: 'button', title }, label) as HTMLButtonElement;
  b.addEventListener('click', onClick);
  return b;
}

export function clear(el: Node): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

/** "5 min ago", "3 h ago", "2 d ago", or the date for older times; '' for an unreadable time. */
export function ago(iso: string, now = Date.now()): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return '';
  const s = Math.max(0, Math.round((now - t) / 1000));
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  if (s < 30 * 86400) return `${Math.floor(s / 86400)} d ago`;
  return new Date(t).toISOString().slice(0, 10);
}

export function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
  return `${Math.floor(h / 24)} d`;
}
