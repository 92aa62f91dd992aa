// Not every file named app.json is Heroku's: WeChat mini-programs (pages, window, tabBar), Business Central AL
// projects (publisher, idRanges), Expo, React Native and others use the same name. Those must get no diagnostics.
//
// A file is foreign when it is not an object, or when it has a marker key of a known other format and none of
// Heroku's own keys. Anything else is Heroku's: an empty object, a half-typed `{"na`, a manifest with a typo.
// schemas/app.json.schema.json says the same in definitions/foreignManifest (a unit test keeps the key lists equal),
// so the JSON language service and core agree. Keys that are being typed never make a file foreign.
import { HEROKU_ONLY_KEYS } from './keys';

/** Marker keys of other formats named app.json, by format. Keep each key one no Heroku manifest would use. */
export const FOREIGN_MARKERS: readonly (readonly [string, readonly string[]])[] = [
  ['a WeChat mini-program', ['pages', 'window', 'tabBar', 'usingComponents', 'subpackages', 'subPackages', 'sitemapLocation', 'networkTimeout', 'requiredBackgroundModes', 'permission']],
  ['an AL (Business Central) project', ['publisher', 'idRanges', 'idRange', 'platform', 'application', 'runtime']],
  ['an Expo app', ['expo']],
  ['a React Native app', ['displayName']],
];

/** Every marker key, flat (the schema's list). */
export const FOREIGN_MARKER_KEYS: readonly string[] = FOREIGN_MARKERS.flatMap(([, keys]) => keys);

export interface ForeignVerdict {
  foreign: boolean;
  /** Why, for the log: "a WeChat mini-program", "not a JSON object", ... */
  reason?: string;
}

export function detectForeign(value: unknown): ForeignVerdict {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { foreign: true, reason: 'not a JSON object' };
  }
  let what: string | undefined;
  for (const k of Object.keys(value)) {
    if (HEROKU_ONLY_KEYS.includes(k)) return { foreign: false };
    what ??= FOREIGN_MARKERS.find(([, keys]) => keys.includes(k))?.[0];
  }
  return what ? { foreign: true, reason: what } : { foreign: false };
}
