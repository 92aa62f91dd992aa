// Heroku app names from the text of a git config file. Any remote name counts (heroku, staging, prod, …);
// what matters is the URL. Pure; never throws.

export interface HerokuRemote {
  /** The remote's name in git config (`heroku`, `staging`, …). */
  remote: string;
  app: string;
  url: string;
}

// https://git.heroku.com/NAME.git, git@heroku.com:NAME.git, ssh://git@heroku.com/NAME.git, and the legacy
// https://git.heroku.com/NAME (without .git); optional user info and trailing slash.
const PATTERNS = [
  /^https?:\/\/(?:[^@/]+@)?git\.heroku\.com\/([a-z][a-z0-9-]*)(?:\.git)?\/?$/i,
  /^(?:[^@/]+@)?heroku\.com:([a-z][a-z0-9-]*)(?:\.git)?\/?$/i,
  /^ssh:\/\/(?:[^@/]+@)?heroku\.com(?::\d+)?\/([a-z][a-z0-9-]*)(?:\.git)?\/?$/i,
];

/** A Heroku remote found in a repository on disk. */
export interface FoundRemote extends HerokuRemote {
  /** The repository's working folder. */
  folder: string;
}

/** The app name a URL points at, or undefined when it is not a Heroku git URL. */
export function appFromGitUrl(url: string): string | undefined {
  const u = url.trim();
  for (const re of PATTERNS) {
    const m = re.exec(u);
    if (m) return m[1].toLowerCase();
  }
  return undefined;
}

function unquote(value: string): string {
  let v = value.trim();
  // Strip a trailing comment outside quotes.
  const m = /^(?:"(?:[^"\\]|\\.)*"|[^;#"])*/.exec(v);
  if (m) v = m[0].trim();
  if (v.startsWith('"') && v.endsWith('"') && v.length >= 2) v = v.slice(1, -1).replace(/\\(.)/g, '$1');
  return v;
}

/**
 * Parses `[remote "NAME"]` sections and their `url` (and `pushurl`) keys. One entry per remote and app:
 * a remote whose url and pushurl name the same app counts once.
 */
export function herokuRemotesFromConfig(text: string): HerokuRemote[] {
  const out: HerokuRemote[] = [];
  const seen = new Set<string>();
  let remote: string | undefined;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const section = /^\[\s*([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\]|\\.)*)")?\s*\]/.exec(line);
    if (section) {
      remote = section[1].toLowerCase() === 'remote' && section[2] !== undefined ? section[2].replace(/\\(.)/g, '$1') : undefined;
      continue;
    }
    if (remote === undefined) continue;
    const kv = /^([A-Za-z][A-Za-z0-9-]*)\s*=\s*(.*)$/.exec(line);
    if (!kv) continue;
    const key = kv[1].toLowerCase();
    if (key !== 'url' && key !== 'pushurl') continue;
    const url = unquote(kv[2]);
    const app = appFromGitUrl(url);
    if (!app) continue;
    const id = `${remote}\0${app}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ remote, app, url });
  }
  return out;
}

/** Distinct app names, in first-seen order. */
export function appNames(remotes: readonly HerokuRemote[]): string[] {
  return [...new Set(remotes.map((r) => r.app))];
}
