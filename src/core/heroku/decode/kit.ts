// A few combinators for checking the Platform API's JSON once, where it enters (the client), so nothing downstream
// checks it again. A decoder returns the value it vouches for, built afresh with only the fields it knows, or
// undefined when the input does not fit. `shape` takes one decoder per field of an interface: a required field
// that does not fit rejects the object; an optional one (wrapped in `opt`) that does not fit is left out. The
// type checker holds each spec to its interface (every field, required exactly where the interface says so).

export type Decoder<T> = ((value: unknown) => T | undefined) & {
  /** What the value is, for messages ("app", "formation"). */
  what?: string;
};

/** Marks a field the value may lack (or that Heroku sent in another shape): left out when it does not fit. */
export interface Optional<T> {
  readonly optional: Decoder<T>;
}

export function opt<T>(d: Decoder<T>): Optional<T> {
  return { optional: d };
}

export type Spec<T> = {
  [K in keyof T]-?: undefined extends T[K] ? Optional<Exclude<T[K], undefined>> : Decoder<T[K]>;
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export const str: Decoder<string> = (v) => (typeof v === 'string' ? v : undefined);
/** Text with at least one character (names and ids). */
export const word: Decoder<string> = (v) => (typeof v === 'string' && v !== '' ? v : undefined);
export const num: Decoder<number> = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
export const bool: Decoder<boolean> = (v) => (typeof v === 'boolean' ? v : undefined);

/** `null` is a value here (Heroku's "none"); anything else goes to `d`. */
export function nullable<T>(d: Decoder<T>): Decoder<T | null> {
  return (v) => (v === null ? null : d(v));
}

/** One of the listed strings. */
export function oneOf<T extends string>(...values: readonly T[]): Decoder<T> {
  const set = new Set<string>(values);
  return (v) => (typeof v === 'string' && set.has(v) ? (v as T) : undefined);
}

/** The first decoder that fits. */
export function either<A, B>(a: Decoder<A>, b: Decoder<B>): Decoder<A | B> {
  return (v) => {
    const x = a(v);
    return x !== undefined ? x : b(v);
  };
}

/** A list inside a value (an add-on's config_vars): the items that fit; not a list does not fit. */
export function listOf<T>(d: Decoder<T>): Decoder<T[]> {
  return (v) => (Array.isArray(v) ? v.map(d).filter((x): x is T => x !== undefined) : undefined);
}

/** An object used as a map (process_types): the entries whose value fits. */
export function dict<T>(d: Decoder<T>): Decoder<Record<string, T>> {
  return (v) => {
    if (!isRecord(v)) return undefined;
    const out: Record<string, T> = {};
    for (const [k, x] of Object.entries(v)) {
      const y = d(x);
      if (y !== undefined) out[k] = y;
    }
    return out;
  };
}

export function shape<T>(what: string, spec: Spec<T>): Decoder<T> {
  const fields = Object.entries(spec) as [string, Decoder<unknown> | Optional<unknown>][];
  const decode: Decoder<T> = (v) => {
    if (!isRecord(v)) return undefined;
    const out: Record<string, unknown> = {};
    for (const [key, d] of fields) {
      if (typeof d === 'function') {
        const x = d(v[key]);
        if (x === undefined) return undefined;
        out[key] = x;
      } else {
        const x = d.optional(v[key]);
        if (x !== undefined) out[key] = x;
      }
    }
    return out as T;
  };
  decode.what = what;
  return decode;
}

/** A list body: the items that fit and how many did not; undefined when the body is not a list. */
export function decodeItems<T>(body: unknown, item: Decoder<T>): { items: T[]; skipped: number } | undefined {
  if (!Array.isArray(body)) return undefined;
  const items: T[] = [];
  for (const v of body) {
    const x = item(v);
    if (x !== undefined) items.push(x);
  }
  return { items, skipped: body.length - items.length };
}

/** An object used as a map at the top level (config vars): the entries that fit and how many did not. */
export function decodeEntries<T>(body: unknown, value: Decoder<T>): { entries: Record<string, T>; skipped: number } | undefined {
  if (!isRecord(body)) return undefined;
  const entries: Record<string, T> = {};
  let skipped = 0;
  for (const [k, v] of Object.entries(body)) {
    const x = value(v);
    if (x === undefined) skipped++;
    else entries[k] = x;
  }
  return { entries, skipped };
}
