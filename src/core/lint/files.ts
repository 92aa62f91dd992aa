// Which linter a file belongs to, from its base name alone.
import type { FileKind } from './types';

/** `Procfile.<ext>` names that are source code or templates about Procfiles, not Procfiles. */
const NOT_PROCFILE = new Set([
  'rb', 'rs', 'go', 'py', 'js', 'mjs', 'cjs', 'ts', 'java', 'kt', 'php', 'ex', 'exs', 'md', 'json', 'yml', 'yaml', 'toml',
  'lock', 'sh', 'erb', 'tmpl', 'tpl', 'j2', 'jinja', 'mustache', 'hbs', 'template', 'liquid', 'snap',
]);

/**
 * `Procfile` and `Procfile.*` (heroku local -f) except source files and templates (`procfile.rb`, `Procfile.erb`);
 * a mis-cased `procfile` too, so the rename rule can fire. `app.json`; `heroku.yml` (and the `.yaml` spelling,
 * which Heroku does not read: the linter says so).
 */
export function fileKindOf(basename: string): FileKind | undefined {
  if (basename.toLowerCase() === 'procfile') return 'procfile';
  if (basename.startsWith('Procfile.') && basename.length > 'Procfile.'.length) {
    const ext = basename.slice(basename.lastIndexOf('.') + 1).toLowerCase();
    return NOT_PROCFILE.has(ext) ? undefined : 'procfile';
  }
  if (basename === 'app.json') return 'appjson';
  if (basename === 'heroku.yml' || basename === 'heroku.yaml') return 'herokuyml';
  return undefined;
}

/** Folder names never searched for manifests. */
export const SKIPPED_DIRS: ReadonlySet<string> = new Set(['node_modules', '.git', '.hg', '.svn', 'vendor', '.venv', 'venv', 'dist', 'out', 'target', 'tmp']);
