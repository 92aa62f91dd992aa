// What "run the Procfile locally" offers and how a choice becomes a run plan. Web comes first (its port is the
// base port: 5006 is the web process, as a person expects), the other types in the Procfile's order; `release`,
// when chosen, runs once before the others (Heroku's release phase). Ports are planned for the whole Procfile and
// the chosen processes picked from that plan, so a type keeps its port whichever subset runs.
import { buildRunPlan, type PlanInput, type PlanResult } from './plan';
import { readProcfileTypes, type ProcessType } from './procfile-types';

export const RELEASE = 'release';

/** The types that run as processes, web first, then the Procfile's order (release not among them). */
export function runOrder(types: readonly ProcessType[]): ProcessType[] {
  const others = types.filter((t) => t.name !== RELEASE);
  return [...others.filter((t) => t.name === 'web'), ...others.filter((t) => t.name !== 'web')];
}

/** Types to run; undefined: all of them, and `release` first when the Procfile has one. */
export type Selection = readonly string[] | undefined;

function chosenTypes(types: readonly ProcessType[], selection: Selection): string[] {
  const all = [...(types.some((t) => t.name === RELEASE) ? [RELEASE] : []), ...runOrder(types).map((t) => t.name)];
  return selection ? all.filter((n) => selection.includes(n)) : all;
}

/**
 * What a task asks for (`{ "type": "heroku", "process"?, "release"? }`): a process type, or all of them when absent;
 * `release: true` runs the release process first (also before one type), `release: false` leaves it out of "all".
 * By default `release` runs first only when everything runs (as heroku local).
 */
export function taskSelection(task: { process?: unknown; release?: unknown }, types: readonly ProcessType[]): Selection {
  const one = typeof task.process === 'string' && task.process ? task.process : undefined;
  if (task.release === true) return one ? [RELEASE, one] : undefined;
  if (task.release === false && !one) return runOrder(types).map((t) => t.name);
  return one ? [one] : undefined;
}

/** How a selection reads in a message: `web, worker (release first)`. */
export function describeSelection(types: readonly ProcessType[], selection: Selection): string {
  const chosen = chosenTypes(types, selection);
  const names = chosen.filter((n) => n !== RELEASE);
  const release = chosen.includes(RELEASE);
  if (names.length === 0) return release ? RELEASE : 'nothing';
  return `${names.join(', ')}${release ? ` (${RELEASE} first)` : ''}`;
}

/**
 * The run plan of the chosen types. Planned for every type first (stable ports); when that fails for a reason in
 * a type not chosen (a line without a command), planned again for the chosen ones alone.
 */
export function planSelection(input: Omit<PlanInput, 'formation' | 'releaseFirst'>, selection: Selection): PlanResult {
  const { types } = readProcfileTypes(input.procfile.file, input.procfile.text);
  const unknown = (selection ?? []).filter((n) => !types.some((t) => t.name === n));
  const chosen = [...chosenTypes(types, selection), ...unknown];
  const releaseFirst = chosen.includes(RELEASE);
  const run = chosen.filter((n) => n !== RELEASE);
  const everything = runOrder(types).map((t) => t.name).join(',');
  const attempt = (formation: string) => buildRunPlan({ ...input, formation: formation || RELEASE, releaseFirst });
  let result = attempt(unknown.length ? run.join(',') : everything);
  if (!result.ok && selection) result = attempt(run.join(','));
  if (!result.ok) return result;
  const plan = result.plan;
  return { ok: true, plan: { ...plan, processes: plan.processes.filter((p) => run.includes(p.type)) } };
}
