// What the Procfile CodeLens says above each process type: the app's live formation for that type, from a
// formation the caller already has (decoded by the client; no I/O here). Plain data in and out.
import { formationSize } from '../heroku/formation';
import type { Formation } from '../heroku/types';
import type { ProcfileDocument } from './parser';
import { cnbName } from './rules/names';

export interface FormationLens {
  /** 0-based line of the declaration. */
  line: number;
  /** The process type as written in the Procfile. */
  type: string;
  title: string;
  tooltip: string;
  /** The formation type to scale (the app's spelling: Fir's rewrite for `Worker_High`); absent when not scaled. */
  scaleType?: string;
}

interface FormationItem {
  type: string;
  quantity: number;
  size: string;
}

/** The entries whose size Heroku said (a lens without a size would claim less than it shows). */
export function formationItems(formation: readonly Formation[]): FormationItem[] {
  const out: FormationItem[] = [];
  for (const f of formation) {
    const size = formationSize(f);
    if (size !== undefined) out.push({ type: f.type, quantity: f.quantity, size });
  }
  return out;
}

/** One lens per declaration: `web: 2 × Standard-1X on dana-blog`, or `worker: not scaled on dana-blog`. */
export function formationLenses(doc: ProcfileDocument, app: string, formation: readonly Formation[]): FormationLens[] {
  const items = formationItems(formation);
  const byType = new Map(items.map((f) => [f.type, f]));
  const out: FormationLens[] = [];
  for (const e of doc.entries) {
    if (e.command === '') continue;
    // On Fir the app knows `Worker_High` as `worker-high`.
    const f = byType.get(e.name) ?? byType.get(cnbName(e.name));
    if (!f) {
      out.push({
        line: e.line,
        type: e.name,
        title: `${e.name}: not scaled on ${app}`,
        tooltip: `${app} has no \`${e.name}\` process type yet: it appears in the formation once this Procfile is deployed.`,
      });
      continue;
    }
    const as = f.type === e.name ? '' : ` (as ${f.type})`;
    out.push({
      line: e.line,
      type: e.name,
      title: `${e.name}: ${f.quantity} × ${f.size} on ${app}${as}`,
      tooltip: `Formation of ${app}: ${f.quantity} ${f.type} dyno${f.quantity === 1 ? '' : 's'} of size ${f.size}. Click to scale.`,
      scaleType: f.type,
    });
  }
  return out;
}
