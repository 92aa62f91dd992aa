import { validateFaultSpec, type Faults } from '../faults';
import { asObject, invalidParams } from '../http';
import type { Router } from '../router';
import type { SelfCheck } from '../schema/self-check';
import type { RecordedRequest } from '../server';
import type { SeedName } from '../seed';
import type { FakeState } from '../state/store';
import { json } from './helpers';

export interface ControlDeps {
  faults: Faults;
  requests: RecordedRequest[];
  reset: (opts: { seed?: SeedName; apps?: number }) => void;
  /** Absent when the fake runs without schema validation. */
  selfCheck?: SelfCheck;
}

const BY_APP = new Set(['configVars', 'features', 'logEvents']);

/** A JSON-safe dump of the whole state: record Maps become arrays; per-app Maps become objects keyed by app id. */
export function dumpState(state: FakeState): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(state)) {
    if (v instanceof Map) {
      out[k] = BY_APP.has(k)
        ? Object.fromEntries([...v].map(([id, x]) => [id, x instanceof Set ? [...x] : x]))
        : [...v.values()];
    } else if (typeof v !== 'function') {
      out[k] = v;
    }
  }
  return out;
}

/** `/__fake/*`: the control API for tests in another process. Needs the Bearer key; never faulted or recorded. */
export function controlRoutes(r: Router, deps: ControlDeps): void {
  r.post('/__fake/reset', (ctx) => {
    const b = asObject(ctx.body ?? {});
    if (b.seed !== undefined && b.seed !== 'demo' && b.seed !== 'empty') throw invalidParams('seed must be "demo" or "empty".');
    if (b.apps !== undefined && (typeof b.apps !== 'number' || !Number.isInteger(b.apps) || b.apps < 0)) throw invalidParams('apps must be a non-negative integer.');
    deps.reset({ seed: b.seed as SeedName | undefined, apps: b.apps as number | undefined });
    return json({ ok: true });
  });
  r.post('/__fake/faults', (ctx) => {
    const specs = Array.isArray(ctx.body) ? ctx.body : [ctx.body];
    const checked = specs.map(validateFaultSpec);
    return json(checked.map((s) => deps.faults.add(s)), 201);
  });
  r.get('/__fake/faults', () => json(deps.faults.active()));
  r.delete('/__fake/faults', () => {
    deps.faults.clear();
    return json({ ok: true });
  });
  r.get('/__fake/state', (ctx) => json(dumpState(ctx.state)));
  r.patch('/__fake/state', (ctx) => {
    const b = asObject(ctx.body ?? {});
    for (const k of ['rateLimitRemaining', 'rateLimitRetryAfter'] as const) {
      if (b[k] === undefined) continue;
      if (typeof b[k] !== 'number' || !Number.isInteger(b[k]) || (b[k] as number) < 0) throw invalidParams(`${k} must be a non-negative integer.`);
      ctx.state[k] = b[k] as number;
    }
    return json({ rateLimitRemaining: ctx.state.rateLimitRemaining, rateLimitRetryAfter: ctx.state.rateLimitRetryAfter });
  });
  // The schema self-check: `validating` false means nothing is checked (an empty list proves nothing then).
  r.get('/__fake/violations', () => json({
    validating: deps.selfCheck !== undefined, count: deps.selfCheck?.count ?? 0, violations: deps.selfCheck?.violations ?? [],
  }));
  r.delete('/__fake/violations', () => {
    deps.selfCheck?.clear();
    return json({ ok: true });
  });
  r.get('/__fake/requests', () => json(deps.requests));
  r.delete('/__fake/requests', () => {
    deps.requests.length = 0;
    return json({ ok: true });
  });
}
