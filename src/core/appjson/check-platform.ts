// Checks on stack, dyno sizes, formation (against the Procfile), image, buildpacks, success_url and unknown keys.
import { closest } from './closest';
import type { CheckContext, JsonObject } from './context';
import { isObject, keyRangeAt, report, scopes } from './context';
import { CURRENT_SIZES, CURRENT_STACKS, DEPRECATED_SIZES, DEPRECATED_STACKS, DOCUMENTED_KEYS } from './keys';

function checkStack(ctx: CheckContext, path: (string | number)[], stack: string): void {
  const s = stack.toLowerCase();
  if (CURRENT_STACKS.includes(s)) return;
  if (DEPRECATED_STACKS.includes(s)) {
    report(ctx, 'appjson/deprecated-stack', 'warning', path,
      `The ${stack} stack is end-of-life; new builds need heroku-24 or heroku-22 (or container for Docker).`,
      { tags: ['deprecated'], replace: { title: 'Use heroku-24', newText: '"heroku-24"' } });
    return;
  }
  report(ctx, 'appjson/unknown-stack', 'warning', path,
    `Unknown stack "${stack}": expected heroku-24, heroku-22 or container.`);
}

/** Fir-generation sizes (dyno-1c-0.5gb, ...) and Fir "-classic" sizes are accepted as they are. */
const FIR_SIZE = /^(dyno-\d+c-[\d.]+gb|[a-z0-9-]+-classic)$/;

export function checkSize(ctx: CheckContext, path: (string | number)[], size: string): void {
  const s = size.toLowerCase();
  if (CURRENT_SIZES.includes(s) || FIR_SIZE.test(s)) return;
  const replacement = DEPRECATED_SIZES[s];
  if (replacement) {
    report(ctx, 'appjson/deprecated-size', 'warning', path, `The ${size} dyno size is retired; use ${replacement}.`,
      { tags: ['deprecated'], replace: { title: `Use ${replacement}`, newText: JSON.stringify(replacement), isPreferred: true } });
    return;
  }
  report(ctx, 'appjson/unknown-size', 'warning', path,
    `Unknown dyno size "${size}": expected eco, basic, standard-1x, standard-2x, performance-m/l/l-ram/xl/2xl, or private-*/shield-* in Private Spaces.`);
}

function checkFormation(ctx: CheckContext, base: (string | number)[], formation: JsonObject): void {
  for (const [type, spec] of Object.entries(formation)) {
    if (isObject(spec) && typeof spec.size === 'string') checkSize(ctx, [...base, 'formation', type, 'size'], spec.size);
    const declared = ctx.processTypes;
    // Heroku CI's test formation names its own dyno type ("test"), not a Procfile process.
    const isTestEnv = base[0] === 'environments' && base[1] === 'test';
    if (declared && !isTestEnv && !declared.names.includes(type)) {
      ctx.problems.push({
        code: 'appjson/formation-not-in-procfile', severity: 'warning', range: keyRangeAt(ctx, [...base, 'formation'], type),
        message: `Process type "${type}" is not declared in ${declared.source}` +
          (declared.names.length ? ` (it has ${declared.names.join(', ')}).` : '.'),
      });
    }
  }
}

function checkScriptSizes(ctx: CheckContext, base: (string | number)[], scripts: JsonObject): void {
  for (const [name, s] of Object.entries(scripts)) {
    if (isObject(s) && typeof s.size === 'string') checkSize(ctx, [...base, 'scripts', name, 'size'], s.size);
  }
}

function checkSuccessUrl(ctx: CheckContext, url: string): void {
  if (url === '' || url.startsWith('/') || /^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return;
  report(ctx, 'appjson/relative-success-url', 'warning', ['success_url'],
    `success_url "${url}" is relative: use a path that starts with "/" (inside the new app) or an absolute URL.`,
    { replace: { title: `Use "/${url}"`, newText: JSON.stringify(`/${url}`), isPreferred: true } });
}

/** Dev Center: 30 characters at most. Info, not a schema limit (the editor would show a schema error): Heroku's own
 *  sample apps use longer names and deploy, so nothing fails. */
const NAME_MAX = 30;

function checkName(ctx: CheckContext, name: string): void {
  if (name.length <= NAME_MAX) return;
  report(ctx, 'appjson/name-too-long', 'info', ['name'],
    `The name is ${name.length} characters long; Dev Center allows at most ${NAME_MAX} (it may be cut off).`);
}

export function checkPlatform(ctx: CheckContext): void {
  const v = ctx.value;
  for (const key of Object.keys(v)) {
    if (DOCUMENTED_KEYS.includes(key)) continue;
    const range = keyRangeAt(ctx, [], key);
    const guess = closest(key, DOCUMENTED_KEYS);
    ctx.problems.push({
      code: 'appjson/unknown-key', severity: 'warning', range,
      message: `"${key}" is not an app.json key Heroku knows; it is ignored.` + (guess ? ` Did you mean "${guess}"?` : ''),
      ...(guess ? { fixes: [{ title: `Rename to "${guess}"`, edits: [{ range, newText: JSON.stringify(guess) }], isPreferred: true }] } : {}),
    });
  }
  if (typeof v.image === 'string') {
    // Info: harmless (ignored), and a dozen real manifests, Heroku's getting-started apps among them, still have it.
    report(ctx, 'appjson/deprecated-image', 'info', ['image'],
      '"image" is deprecated and ignored by Heroku (it was for the retired `heroku docker` plugin); set "stack" instead (container for Docker builds).', { onKey: true, tags: ['deprecated'] });
  }
  if (typeof v.success_url === 'string') checkSuccessUrl(ctx, v.success_url);
  if (typeof v.name === 'string') checkName(ctx, v.name);
  const topStack = typeof v.stack === 'string' ? v.stack : undefined;
  for (const [base, scope] of scopes(v)) {
    const stack = typeof scope.stack === 'string' ? scope.stack : topStack;
    if (typeof scope.stack === 'string') checkStack(ctx, [...base, 'stack'], scope.stack);
    if (isObject(scope.formation)) checkFormation(ctx, base, scope.formation);
    if (isObject(scope.scripts)) checkScriptSizes(ctx, base, scope.scripts);
    if (Array.isArray(scope.buildpacks) && scope.buildpacks.length > 0 && stack?.toLowerCase() === 'container') {
      report(ctx, 'appjson/buildpacks-on-container', 'warning', [...base, 'buildpacks'],
        'Buildpacks are not used on the container stack: heroku.yml and the Dockerfile build the image.', { onKey: true, tags: ['unnecessary'] });
    }
  }
}
