import { invalidParams } from '../http';
import type { FakeState } from '../state/store';

/** Numeric knobs of the state that tests in another process may set (PATCH /__fake/state). */
const NUMBERS = [
  'rateLimitRemaining', 'rateLimitRetryAfter', 'dynoBootMs', 'promotionMs', 'buildStepMs', 'releasePhaseStepMs', 'testRunStepMs',
  'reviewAppMs', 'attachTimeoutMs',
] as const;

export type Knobs = Pick<FakeState, (typeof NUMBERS)[number] | 'promotionFailures' | 'releasePhaseFailures' | 'testRunResult'>;

export function knobsOf(s: FakeState): Knobs {
  const out: Record<string, unknown> = {};
  for (const k of NUMBERS) out[k] = s[k];
  return { ...(out as Pick<FakeState, (typeof NUMBERS)[number]>), promotionFailures: { ...s.promotionFailures }, releasePhaseFailures: [...s.releasePhaseFailures], testRunResult: s.testRunResult };
}

/** Checks every given knob first, then sets them all (a bad one changes nothing). */
export function setKnobs(s: FakeState, b: Record<string, unknown>): void {
  const known = new Set<string>([...NUMBERS, 'promotionFailures', 'releasePhaseFailures', 'testRunResult']);
  for (const k of Object.keys(b)) if (!known.has(k)) throw invalidParams(`Unknown knob ${k}; known: ${[...known].join(', ')}.`);
  for (const k of NUMBERS) {
    const v = b[k];
    if (v !== undefined && (typeof v !== 'number' || !Number.isInteger(v) || v < 0)) throw invalidParams(`${k} must be a non-negative integer.`);
  }
  const pf = b.promotionFailures;
  if (pf !== undefined && (pf === null || typeof pf !== 'object' || Array.isArray(pf) || Object.values(pf).some((m) => typeof m !== 'string'))) {
    throw invalidParams('promotionFailures must map app names to error messages.');
  }
  const rf = b.releasePhaseFailures;
  if (rf !== undefined && (!Array.isArray(rf) || rf.some((x) => typeof x !== 'string'))) throw invalidParams('releasePhaseFailures must be a list of app names (or "*").');
  const tr = b.testRunResult;
  if (tr !== undefined && tr !== 'succeeded' && tr !== 'failed') throw invalidParams('testRunResult must be "succeeded" or "failed".');
  for (const k of NUMBERS) if (b[k] !== undefined) s[k] = b[k] as number;
  if (pf !== undefined) s.promotionFailures = { ...(pf as Record<string, string>) };
  if (rf !== undefined) s.releasePhaseFailures = [...(rf as string[])];
  if (tr !== undefined) s.testRunResult = tr;
}
