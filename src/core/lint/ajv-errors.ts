// Shared by the app.json and heroku.yml schema checks: making ajv's error lists readable.
import type { ErrorObject } from 'ajv';

/** Collapses each failed oneOf: keep the errors of the branch whose type matched, or say which types fit. */
export function collapseOneOf(errors: ErrorObject[]): ErrorObject[] {
  let out = errors.filter((e) => e.keyword !== 'if');
  for (const one of errors.filter((e) => e.keyword === 'oneOf')) {
    const prefix = `${one.schemaPath}/`;
    // The same oneOf fails once per value it checks (every env var shares one schema path): only this value's
    // branch errors (at its path or below) belong to it.
    const mine = (e: ErrorObject) => e.schemaPath.startsWith(prefix) && (e.instancePath === one.instancePath || e.instancePath.startsWith(`${one.instancePath}/`));
    const branches = new Map<string, ErrorObject[]>();
    for (const e of out) {
      if (!mine(e)) continue;
      const b = e.schemaPath.slice(prefix.length).split('/')[0];
      branches.set(b, [...(branches.get(b) ?? []), e]);
    }
    const typeMiss = (list: ErrorObject[]) => list.some((e) => e.keyword === 'type' && e.instancePath === one.instancePath);
    const fitting = [...branches.values()].filter((l) => !typeMiss(l));
    out = out.filter((e) => e !== one && !mine(e));
    if (fitting.length > 0) {
      out.push(...fitting.flat());
    } else {
      const types = [...branches.values()].flat().filter((e) => e.keyword === 'type').map((e) => String(e.params.type));
      out.push({ ...one, keyword: 'type', params: { type: types.join(',') }, message: undefined });
    }
  }
  return out;
}

