// Reading a formation for display and for the Scale pick, defensively: the size is `dyno_size.name` (the schema's
// spelling) or the older `size`, and an answer may carry neither as text.
import type { Formation } from '../heroku/types';

/** The dyno size of a formation entry when the answer says it as text, else undefined. */
export function formationSize(f: Pick<Formation, 'dyno_size' | 'size'>): string | undefined {
  const named = (f.dyno_size as { name?: unknown } | null | undefined)?.name;
  if (typeof named === 'string' && named !== '') return named;
  return typeof f.size === 'string' && f.size !== '' ? f.size : undefined;
}

/** The default Scale pick when the app's available sizes cannot be read. */
export const FALLBACK_SIZES: readonly string[] = ['Eco', 'Basic', 'Standard-1X', 'Standard-2X', 'Performance-M', 'Performance-L'];

/**
 * The sizes to offer: the current one first (when known), then the others (`GET /apps/{app}/available-dyno-sizes`
 * names, or FALLBACK_SIZES when that answer has none), without repeating the current one in another case.
 */
export function sizeChoices(current: string | undefined, available: unknown): string[] {
  const listed = Array.isArray(available)
    ? available.map((s) => (s as { name?: unknown } | null)?.name).filter((n): n is string => typeof n === 'string' && n !== '')
    : [];
  const names = listed.length ? listed : [...FALLBACK_SIZES];
  const others = names.filter((n) => n.toLowerCase() !== current?.toLowerCase());
  return current ? [current, ...others] : others;
}
