// The top-level keys Heroku documents for app.json (Dev Center "app.json Schema"), and which of them only Heroku uses.
// schemas/app.json.schema.json repeats both lists in definitions/foreignManifest; a unit test keeps them equal.

export const DOCUMENTED_KEYS: readonly string[] = [
  'name', 'description', 'keywords', 'website', 'repository', 'logo', 'success_url', 'scripts',
  'env', 'formation', 'image', 'addons', 'buildpacks', 'environments', 'stack',
];

/** Keys no other app.json format uses: one of them makes a file Heroku's. */
export const HEROKU_ONLY_KEYS: readonly string[] = [
  'success_url', 'scripts', 'env', 'formation', 'image', 'addons', 'buildpacks', 'environments', 'stack',
];

export const SCRIPT_KEYS: readonly string[] = ['postdeploy', 'pr-predestroy', 'test-setup', 'test'];

export const ENVIRONMENT_NAMES: readonly string[] = ['test', 'review'];

/** Stacks (lower case). `cnb` is what the Platform API reports for Fir-generation apps. */
export const CURRENT_STACKS: readonly string[] = ['heroku-24', 'heroku-22', 'container', 'cnb'];
export const DEPRECATED_STACKS: readonly string[] = ['heroku-20', 'heroku-18', 'heroku-16', 'cedar-14', 'cedar'];

/** Dyno sizes (lower case), Dev Center "Dyno Types". */
export const CURRENT_SIZES: readonly string[] = [
  'eco', 'basic', 'standard-1x', 'standard-2x',
  'performance-m', 'performance-l', 'performance-l-ram', 'performance-xl', 'performance-2xl',
  'private-s', 'private-m', 'private-l', 'private-l-ram', 'private-xl', 'private-2xl',
  'shield-s', 'shield-m', 'shield-l', 'shield-l-ram', 'shield-xl', 'shield-2xl',
];
/** Retired names and what replaced them. */
export const DEPRECATED_SIZES: Readonly<Record<string, string>> = {
  free: 'eco',
  hobby: 'basic',
  '1x': 'standard-1x',
  '2x': 'standard-2x',
  px: 'performance-l',
};
