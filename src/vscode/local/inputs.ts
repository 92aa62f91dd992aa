// What a local run reads before it starts, for the command and the task alike: the Procfile, the env files (the
// folder's .env by default, as heroku local), and, when asked, the config vars of the workspace's Heroku app (from
// the app-state store, which keeps them masked everywhere they are shown; here they only go into the processes'
// environment, and the notes say how many there are, never what).
import * as path from 'node:path';
import { formatProblem } from '../../core/runner/problems';
import type { PlanResult, RunPlan } from '../../core/runner/plan';
import { planSelection, type Selection } from '../../core/runner/selection';
import type { Services } from '../services';

export interface RunInputs {
  /** The Procfile's absolute path; the processes run in its folder. */
  procfile: string;
  selection: Selection;
  /** Env files relative to the Procfile's folder, in precedence order (the last wins). Default ['.env']. */
  envFiles?: readonly string[];
  /** Config vars of this app, above the env files. */
  app?: string;
}

/** The app's config vars a run was given (held in memory only; never logged or shown). */
export interface HeldConfig {
  app: string;
  vars: Record<string, string>;
}

export type Planned = { ok: true; plan: RunPlan; cwd: string; notes: string[]; config?: HeldConfig } | { ok: false; message: string };

/** The editor's own variables that must not leak into an app (Electron would run a child Electron app as Node). */
function processEnv(): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('VSCODE_') || k.startsWith('ELECTRON_')) continue;
    env[k] = v;
  }
  return env;
}

async function appConfig(services: Services, app: string): Promise<{ ok: true; vars: Record<string, string> } | { ok: false; message: string }> {
  if (!services.heroku.getClient()) return { ok: false, message: `Sign in to Heroku to run with the config vars of ${app} (Heroku: Sign In).` };
  const slice = await services.state.read(app, 'config');
  const vars = services.state.secretConfig(app);
  if (!vars) return { ok: false, message: `Could not read the config vars of ${app}${slice.error ? `: ${slice.error.message}` : ''}.` };
  return { ok: true, vars: { ...vars } };
}

function firstError(r: PlanResult & { ok: false }): string {
  const e = r.errors[0];
  return e ? formatProblem(e) : 'the Procfile cannot run';
}

export async function planRun(services: Services, inputs: RunInputs): Promise<Planned> {
  const cwd = path.dirname(inputs.procfile);
  const text = await services.fs.readText(inputs.procfile);
  if (text === undefined) return { ok: false, message: `There is no Procfile at ${inputs.procfile}.` };
  const explicit = inputs.envFiles !== undefined;
  const names = inputs.envFiles ?? ['.env'];
  const envFiles = await Promise.all(names.map(async (file) => ({ file, text: await services.fs.readText(path.resolve(cwd, file)), explicit })));
  let config: { app: string; vars: Record<string, string> } | undefined;
  if (inputs.app) {
    const c = await appConfig(services, inputs.app);
    if (!c.ok) return c;
    config = { app: inputs.app, vars: c.vars };
  }
  const result = planSelection({ procfile: { file: path.basename(inputs.procfile), text }, envFiles, processEnv: processEnv(), appConfig: config }, inputs.selection);
  if (!result.ok) {
    for (const w of result.warnings) services.log.warn(`local run: ${formatProblem(w)}`);
    return { ok: false, message: firstError(result) };
  }
  const plan = result.plan;
  for (const w of plan.warnings) services.log.warn(`local run: ${formatProblem(w)}`);
  const files = plan.envFiles.map((f) => `${f.file} (${f.count} variable${f.count === 1 ? '' : 's'})`);
  const notes = [
    config ? `environment: config vars of ${config.app} (${Object.keys(config.vars).length}, values not shown)${files.length ? `, over ${files.join(', ')}` : ''}`
      : `environment: ${files.length ? files.join(', ') : 'no env file found'}`,
    ...plan.warnings.map(formatProblem),
  ];
  return { ok: true, plan, cwd, notes, ...(config ? { config } : {}) };
}
