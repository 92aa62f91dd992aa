import { validateFaultSpec, type Faults } from '../faults';
import { asObject, invalidParams } from '../http';
import type { Router } from '../router';
import type { SelfCheck } from '../schema/self-check';
import type { RecordedRequest } from '../server';
import { SEED_NAMES, type SeedName } from '../seed';
import type { FakeState } from '../state/store';
import { json } from './helpers';
import { knobsOf, setKnobs } from './knobs';

export interface ControlDeps {
  faults: Faults;
  requests: RecordedRequest[];
  reset: (opts: { seed?: SeedName; apps?: number }) => void;
  /** Absent when the fake runs without schema validation. */
  selfCheck?: SelfCheck;
}

const BY_APP = new Set(['configVars', 'features', 'logEvents']);
/** The scheduler's queue holds functions: not state anyone reads. */
const INTERNAL = new Set(['due', 'dueSeq']);

/**
 * A JSON-safe dump of the whole state: record Maps become arrays; per-app Maps become objects keyed by app id;
 * source blobs show their size, not their bytes.
 */
export function dumpState(state: FakeState): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(state)) {
    if (INTERNAL.has(k)) continue;
    if (k === 'sources') {
      out[k] = [...state.sources.values()].map(({ data, sig: _sig, ...rest }) => ({ ...rest, size: data?.length ?? null }));
    } else if (v instanceof Map) {
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
    if (b.seed !== undefined && !SEED_NAMES.includes(b.seed as SeedName)) throw invalidParams(`seed must be one of ${SEED_NAMES.join(', ')}.`);
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
    setKnobs(ctx.state, asObject(ctx.body ?? {}));
    return json(knobsOf(ctx.state));
  });
  // What the Platform API cannot change: an app's generation (a Fir app's stack is `cnb`; its attached one-off dynos
  // are reached through an SSH tunnel).
  r.patch('/__fake/apps/:app', (ctx) => {
    const b = asObject(ctx.body ?? {});
    if (b.generation !== 'cedar' && b.generation !== 'fir') throw invalidParams('generation must be "cedar" or "fir".');
    const app = ctx.state.app(ctx.params.app);
    app.generation = b.generation;
    if (b.generation === 'fir') app.stack = 'cnb';
    else if (app.stack === 'cnb') app.stack = 'heroku-24';
    return json({ name: app.name, generation: app.generation });
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
