// The formation argument of `heroku local`: `web=1,worker=2`, or names (`web,worker`, each once).
// node-foreman reads it with split(',') and split('='); we read the same shapes but refuse what it would
// silently run zero times (`web=x`, `web=-1`) or look up under a wrong name (`web =2`).

export interface FormationItem {
  type: string;
  count: number;
}

export type FormationResult = { ok: true; items: FormationItem[] } | { ok: false; error: string };

const COUNT = /^\d+$/;

/** Items in their first-mentioned order; a type named twice keeps its first place and its last count (as foreman). */
export function parseFormation(text: string): FormationResult {
  const items: FormationItem[] = [];
  for (const raw of text.split(',')) {
    const item = raw.trim();
    if (item === '') continue; // `web,` or `web,,worker`: nothing meant there
    const eq = item.indexOf('=');
    const type = (eq < 0 ? item : item.slice(0, eq)).trim();
    const countText = eq < 0 ? '1' : item.slice(eq + 1).trim();
    if (type === '') return { ok: false, error: `"${item}" names no process type (expected NAME or NAME=COUNT, e.g. web=1,worker=2)` };
    if (!COUNT.test(countText)) {
      return { ok: false, error: `"${item}": the count of ${type} must be a whole number, e.g. ${type}=2` };
    }
    const count = Number(countText);
    const known = items.find((i) => i.type === type);
    if (known) known.count = count;
    else items.push({ type, count });
  }
  if (items.length === 0) return { ok: false, error: `"${text}" names no process type (expected e.g. web=1,worker=2)` };
  return { ok: true, items };
}
