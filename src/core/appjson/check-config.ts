// Checks on env, add-ons and scripts.
import type { CheckContext, JsonObject } from './context';
import { isObject, keyRangeAt, report, scopes } from './context';
import { SCRIPT_KEYS } from './keys';

/** service or service:plan; Heroku's add-on service and plan names are lower-case words joined by dashes. */
const PLAN = /^[a-z0-9][a-z0-9-]*(:[a-z0-9][a-z0-9._-]*)?$/i;

function checkEnv(ctx: CheckContext, base: (string | number)[], env: JsonObject): void {
  for (const name in env) {
    const v = env[name];
    if (!isObject(v)) continue;
    const at = [...base, 'env', name];
    if (typeof v.generator === 'string' && v.generator !== 'secret') {
      report(ctx, 'appjson/env-generator', 'error', [...at, 'generator'],
        `Unknown generator "${v.generator}": Heroku supports only "secret".`,
        { replace: { title: 'Use the "secret" generator', newText: '"secret"', isPreferred: true } });
    }
    if (typeof v.generator === 'string' && typeof v.value === 'string') {
      report(ctx, 'appjson/generator-with-value', 'warning', [...at, 'value'],
        `${name} has both a generator and a value; the generated secret replaces the value.`, { onKey: true });
    }
  }
}

function checkAddons(ctx: CheckContext, base: (string | number)[], addons: unknown[]): void {
  const names = new Map<string, number>();
  addons.forEach((a, i) => {
    const plan = typeof a === 'string' ? a : isObject(a) && typeof a.plan === 'string' ? a.plan : undefined;
    const planPath = typeof a === 'string' ? [...base, 'addons', i] : [...base, 'addons', i, 'plan'];
    if (plan !== undefined && plan !== '' && !PLAN.test(plan)) {
      report(ctx, 'appjson/addon-plan-format', 'error', planPath,
        `"${plan}" is not an add-on plan: write "service" or "service:plan" (e.g. "heroku-postgresql:essential-0").`);
    }
    if (isObject(a) && typeof a.as === 'string' && a.as !== '') {
      const key = a.as.toUpperCase();
      const first = names.get(key);
      if (first !== undefined) {
        report(ctx, 'appjson/duplicate-addon-as', 'error', [...base, 'addons', i, 'as'],
          `Two add-ons are attached as "${a.as}" (also add-on ${first + 1}); attachment names must be unique.`);
      } else {
        names.set(key, i);
      }
    }
  });
}

function checkScripts(ctx: CheckContext, base: (string | number)[], scripts: JsonObject): void {
  for (const name of Object.keys(scripts)) {
    // `dokku` holds Dokku's predeploy/postdeploy (dokku.com "Deployment Tasks"): the same app.json serves both.
    if (SCRIPT_KEYS.includes(name) || name === 'dokku') continue;
    const path = [...base, 'scripts'];
    ctx.problems.push({
      code: 'appjson/unknown-script', severity: 'warning', range: keyRangeAt(ctx, path, name),
      message: `Heroku does not run a "${name}" script (it knows postdeploy, pr-predestroy, and test-setup/test for Heroku CI).`,
    });
  }
}

export function checkConfig(ctx: CheckContext): void {
  for (const [base, scope] of scopes(ctx.value)) {
    if (isObject(scope.env)) checkEnv(ctx, base, scope.env);
    if (Array.isArray(scope.addons)) checkAddons(ctx, base, scope.addons);
    if (isObject(scope.scripts)) checkScripts(ctx, base, scope.scripts);
  }
}
