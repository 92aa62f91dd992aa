// What the Procfile CodeLens says above each process type: the app's live formation for that type, from an
// answer the caller already has (no I/O here). Plain data in and out; a malformed answer yields no lens, never a throw.
import { formationSize } from '../explorer/scale';
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

/** The well-formed items of a formation answer (`unknown`: the API's shape is checked here). */
export function formationItems(answer: unknown): FormationItem[] {
  if (!Array.isArray(answer)) return [];
  const out: FormationItem[] = [];
  for (const f of answer as unknown[]) {
    if (typeof f !== 'object' || f === null) continue;
    const { type, quantity } = f as Record<string, unknown>;
    const sizeName = formationSize(f as Parameters<typeof formationSize>[0]);
    if (typeof type !== 'string' || typeof quantity !== 'number' || !Number.isFinite(quantity) || sizeName === undefined) continue;
    out.push({ type, quantity, size: sizeName });
  }
  return out;
}

/** One lens per declaration: `web: 2 × Standard-1X on dana-blog`, or `worker: not scaled on dana-blog`; none for a malformed answer. */
export function formationLenses(doc: ProcfileDocument, app: string, answer: unknown): FormationLens[] {
  // Not a list: nothing is known about the formation, so nothing is claimed.
  if (!Array.isArray(answer)) return [];
  const items = formationItems(answer);
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
