// Not every file named app.json is Heroku's: WeChat mini-programs (pages, window, tabBar), Business Central AL
// projects (publisher, idRanges), Expo and others use the same name. Those must get no diagnostics at all.
import { closest } from './closest';
import { DOCUMENTED_KEYS, HEROKU_ONLY_KEYS } from './keys';

const KNOWN_FOREIGN: [string, string[]][] = [
  ['a WeChat mini-program', ['pages', 'window', 'tabBar', 'usingComponents', 'subpackages', 'sitemapLocation']],
  ['an AL (Business Central) project', ['publisher', 'idRanges', 'platform', 'application', 'runtime']],
  ['an Expo app', ['expo']],
];

export interface ForeignVerdict {
  foreign: boolean;
  /** Why, for the log: "a WeChat mini-program", "not an object", ... */
  reason?: string;
}

/**
 * The same rule as definitions/foreignManifest in schemas/app.json.schema.json: not an object, or an object with
 * none of Heroku's own keys and at least one key Heroku does not document.
 */
export function detectForeign(value: unknown): ForeignVerdict {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { foreign: true, reason: 'not a JSON object' };
  }
  const keys = Object.keys(value);
  if (keys.some((k) => HEROKU_ONLY_KEYS.includes(k))) return { foreign: false };
  const unknown = keys.filter((k) => !DOCUMENTED_KEYS.includes(k));
  if (unknown.length === 0) return { foreign: false };
  // A misspelt Heroku key ("addon", "enviroments") is a Heroku manifest with a typo, not another format.
  if (unknown.some((k) => closest(k, HEROKU_ONLY_KEYS) !== undefined)) return { foreign: false };
  for (const [what, marks] of KNOWN_FOREIGN) {
    if (unknown.some((k) => marks.includes(k))) return { foreign: true, reason: what };
  }
  return { foreign: true, reason: `no Heroku keys, and ${unknown.slice(0, 3).join(', ')}` };
}
