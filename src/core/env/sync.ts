// The .env pull and push plans: what the file or the app would become and what changes, computed from text and
// config values the caller read (no I/O here). vscode/explorer/env-sync.ts shows the diff, asks, and writes or
// PATCHes exactly what a plan says.
import { configText, diffConfig, type EnvChange } from './diff';
import { mergeIntoEnv } from './edit';
import { envProblems, envToMap, parseEnv, serializeEnv } from './parse';

export interface PullPlan {
  /** The file's text after the pull: comments, order, quoting and keys only in the file kept. */
  after: string;
  /** Key by key, what the pull changes in the file (never removals: local-only keys stay). */
  changes: EnvChange[];
}

/** Pulling `config` into a file whose text is `before` (undefined: no file yet). */
export function planPull(before: string | undefined, config: Readonly<Record<string, string>>): PullPlan {
  const doc = parseEnv(before ?? '');
  const after = serializeEnv(mergeIntoEnv(doc, config));
  const changes = after === (before ?? '') ? [] : diffConfig(envToMap(doc), envToMap(parseEnv(after)));
  return { after, changes };
}

export interface PushPlan {
  /** The file's KEY=value pairs (every value is a secret to register). */
  local: ReadonlyMap<string, string>;
  /** What the push sets on the app: only keys the file has; the app's other vars are kept. */
  changes: EnvChange[];
  /** The app's config limited to the file's keys, and the same keys after the push: the two sides of the diff. */
  diff: { now: string; after: string };
  /** Lines of the file that are not KEY=value (ignored). */
  ignoredLines: number;
}

/** Pushing a file whose text is `envText` to an app whose config is `remote`. */
export function planPush(envText: string, remote: Readonly<Record<string, string>>): PushPlan {
  const doc = parseEnv(envText);
  const local = envToMap(doc);
  const changes = diffConfig(remote, local, { keepMissing: true });
  const scope = Object.fromEntries(Object.entries(remote).filter(([k]) => local.has(k)));
  return { local, changes, diff: { now: configText(scope), after: configText(local) }, ignoredLines: envProblems(doc).length };
}
