// `key=value` pairs as the router (and log-runtime-metrics, Postgres, many apps) writes them: values bare up to the
// next space, or double-quoted with backslash escapes (`desc="Request timeout"`, `path="/a b"`); an empty value is
// allowed (`dyno= connect=`); bare words between pairs (`sock=client at=warning`, "works with bare words") are skipped.
// A hand-written scanner: it runs on most lines of a busy stream, and it also gives the colouring step the spans.

/** Called per pair with [start, end) offsets into the text; quoted values span their quotes. */
export type PairVisitor = (keyStart: number, keyEnd: number, valueStart: number, valueEnd: number) => void;

/** Bounds work and object size on hostile lines (a 1 MB line of `a=b`). */
export const MAX_PAIRS = 256;

const SPACE = 32;
const TAB = 9;
const EQ = 61;
const QUOTE = 34;
const BACKSLASH = 92;

/** Walks `text` from `from`, calling `visit` for each pair; returns how many pairs it found. */
export function scanPairs(text: string, visit: PairVisitor, from = 0): number {
  const n = text.length;
  let i = from;
  let pairs = 0;
  while (i < n && pairs < MAX_PAIRS) {
    let c = text.charCodeAt(i);
    if (c === SPACE || c === TAB) {
      i++;
      continue;
    }
    const keyStart = i;
    while (i < n && (c = text.charCodeAt(i)) !== EQ && c !== SPACE && c !== TAB && c !== QUOTE) i++;
    if (i >= n || c !== EQ || i === keyStart) {
      // A bare word (or a stray quote): skip to the next space.
      if (c === QUOTE) i = skipQuoted(text, i);
      while (i < n && (c = text.charCodeAt(i)) !== SPACE && c !== TAB) i++;
      continue;
    }
    const keyEnd = i++;
    const valueStart = i;
    if (i < n && text.charCodeAt(i) === QUOTE) {
      i = skipQuoted(text, i);
    } else {
      while (i < n && (c = text.charCodeAt(i)) !== SPACE && c !== TAB) i++;
    }
    visit(keyStart, keyEnd, valueStart, i);
    pairs++;
  }
  return pairs;
}

/** From an opening quote at `i` to just after its closing quote (or the end when it never closes). */
function skipQuoted(text: string, i: number): number {
  const n = text.length;
  i++;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i += 2;
    else if (c === QUOTE) return i + 1;
    else i++;
  }
  return n;
}

/** A value as written → its text: quotes removed and `\"`, `\\` unescaped. */
export function unquote(raw: string): string {
  if (raw.length === 0 || raw.charCodeAt(0) !== QUOTE) return raw;
  const end = raw.length > 1 && raw.charCodeAt(raw.length - 1) === QUOTE ? raw.length - 1 : raw.length;
  const inner = raw.slice(1, end);
  return inner.includes('\\') ? inner.replace(/\\(.)/g, '$1') : inner;
}

/** True when the text's first word is `key=…` (then it is worth reading as pairs). */
export function startsWithPair(text: string): boolean {
  const n = Math.min(text.length, 128);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === EQ) return i > 0;
    if (c === SPACE || c === TAB || c === QUOTE) return false;
  }
  return false;
}

const hasOwn = Object.prototype.hasOwnProperty;

/** The pairs of `text` as an object (first occurrence of a key wins); undefined when there are none. */
export function parsePairs(text: string, from = 0): Record<string, string> | undefined {
  let out: Record<string, string> | undefined;
  scanPairs(text, (ks, ke, vs, ve) => {
    const key = text.slice(ks, ke);
    out ??= {};
    if (hasOwn.call(out, key)) return;
    const value = unquote(text.slice(vs, ve));
    // A `__proto__=x` pair must be data, not a prototype change.
    if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    else out[key] = value;
  }, from);
  return out;
}
