// A formation entry's dyno size, and the sizes to offer when scaling. The size is `dyno_size.name` (the schema's
// spelling) or the older `size`; a decoded entry may carry neither (core/heroku/types.ts).
import type { DynoSize, Formation } from './types';

/** The dyno size of a formation entry when Heroku said it, else undefined. */
export function formationSize(f: Pick<Formation, 'dyno_size' | 'size'>): string | undefined {
  return f.dyno_size?.name || f.size || undefined;
}

/** The default Scale pick when the app's available sizes cannot be read. */
export const FALLBACK_SIZES: readonly string[] = ['Eco', 'Basic', 'Standard-1X', 'Standard-2X', 'Performance-M', 'Performance-L'];

/**
 * The sizes to offer: the current one first (when known), then the others (`GET /apps/{app}/available-dyno-sizes`,
 * or FALLBACK_SIZES when that answer is missing or empty), without repeating the current one in another case.
 */
export function sizeChoices(current: string | undefined, available: readonly DynoSize[] | undefined): string[] {
  const names = available?.length ? available.map((s) => s.name) : [...FALLBACK_SIZES];
  const others = names.filter((n) => n.toLowerCase() !== current?.toLowerCase());
  return current ? [current, ...others] : others;
}
