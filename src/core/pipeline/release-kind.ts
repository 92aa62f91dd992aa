// What kind of change a release was, from its description. Heroku writes them in fixed forms: "Deploy 1a2b3c4",
// "Set FOO, BAR config vars", "Remove FOO config vars", "Attach DATABASE (@ref:postgresql-…)", "Add
// heroku-postgresql:essential-0 add-on", "Rollback to v41", "Promote acme-web-staging v16", "Initial release".
// Pure; unknown text is `other`, never an error.
import type { ReleaseKind } from '../../shared/pipeline-model';

export interface KindOf {
  kind: ReleaseKind;
  /** The commit (deploy), version (rollback: "v41") or source ("acme-web-staging v16") the description names. */
  ref?: string;
}

const RULES: [RegExp, ReleaseKind, number?][] = [
  [/^Deploy\s+([0-9a-f]{7,40})\b/i, 'deploy', 1],
  [/^Deploy\b/i, 'deploy'],
  [/^Rollback to (v\d+)\b/i, 'rollback', 1],
  [/^Promote\s+(\S+\s+v\d+)\b/i, 'promotion', 1],
  [/^Promote\b/i, 'promotion'],
  [/\bconfig vars?\b/i, 'config'],
  [/^(Attach|Detach|Add|Remove|Update|Upgrade|Downgrade)\b.*(\badd-?on\b|@ref:|\battachment\b)/i, 'addon'],
  [/^(Attach|Detach)\b/i, 'addon'],
  [/^Initial release\b/i, 'initial'],
];

export function releaseKind(description: unknown): KindOf {
  if (typeof description !== 'string') return { kind: 'other' };
  const text = description.trim();
  for (const [re, kind, group] of RULES) {
    const m = re.exec(text);
    if (m) return group !== undefined && m[group] ? { kind, ref: m[group] } : { kind };
  }
  return { kind: 'other' };
}

/** A label for a kind, as the timeline and the CLI print it. */
export function kindLabel(kind: ReleaseKind): string {
  switch (kind) {
    case 'deploy': return 'deploy';
    case 'config': return 'config';
    case 'addon': return 'add-on';
    case 'rollback': return 'rollback';
    case 'promotion': return 'promotion';
    case 'initial': return 'initial';
    case 'other': return 'other';
  }
}
