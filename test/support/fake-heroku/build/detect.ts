import { parse as parseYaml } from 'yaml';
import { LANGUAGES, languageOfBuildpack, type Language } from './languages';
import { failedPlan, parseProcfile, sourceBytes, text, type BuildPlan } from './plan';
import type { SourceFiles } from './unpack';

const NO_LANGUAGE = [
  ' !     No default language could be detected for this app.',
  '\t\t\tHINT: This occurs when Heroku cannot detect the buildpack to use for this application automatically.',
  '\t\t\tSee https://devcenter.heroku.com/articles/buildpacks',
  ' !     Push failed',
];

/**
 * Plans a classic (buildpack) build: the buildpacks given or set on the app, else the first default buildpack that
 * detects the app; a Procfile alone also builds. Nothing detectable fails as Heroku does.
 */
export function planBuildpackBuild(files: SourceFiles, buildpacks: readonly string[]): BuildPlan {
  const procfile = files.has('Procfile') ? parseProcfile(text(files, 'Procfile') ?? '') : undefined;
  const head: BuildPlan['steps'] = [];
  let lang: Language | undefined;
  if (buildpacks.length > 0) {
    head.push(`-----> Using buildpack${buildpacks.length > 1 ? 's' : ''}: ${buildpacks.join(', ')}`);
    lang = languageOfBuildpack(buildpacks[0]);
    if (lang && !lang.detect.some((f) => files.has(f))) {
      return failedPlan([...head, `-----> App not compatible with buildpack: ${buildpacks[0]}`,
        '       More info: https://devcenter.heroku.com/articles/buildpacks#detection-failure', ' !     Push failed']);
    }
  } else {
    head.push('-----> Determining which buildpack to use for this app');
    lang = LANGUAGES.find((l) => l.detect.some((f) => files.has(f)));
    if (!lang && !procfile) return failedPlan([...head, ...NO_LANGUAGE]);
  }
  const langSteps = lang ? [`-----> ${lang.name} app detected`, ...lang.steps(files)] : [`-----> ${buildpacks[0] ?? 'Procfile'} app detected`];
  const defaults = lang?.defaults(files) ?? {};
  const declared = procfile ?? {};
  const types = Object.keys(declared);
  const extra = Object.keys(defaults).filter((t) => !(t in declared));
  return {
    ok: true,
    steps: [...head, ...langSteps, '-----> Discovering process types',
      `       Procfile declares types     -> ${types.length > 0 ? types.join(', ') : '(none)'}`,
      ...(extra.length > 0 ? [`       Default types for buildpack -> ${extra.join(', ')}`] : [])],
    processTypes: { ...defaults, ...declared },
    releaseCommand: declared.release ?? null,
    buildpackDescription: lang?.name ?? null,
    container: false,
    slugSize: Math.round((lang?.runtimeBytes ?? 2e6) + sourceBytes(files)),
  };
}

/** A `run`/`release` command of heroku.yml: a string, a list, or `{command: [...]}`. */
function commandOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(String).join(' ');
  if (v && typeof v === 'object' && 'command' in v) return commandOf((v as { command: unknown }).command);
  return undefined;
}

/** Plans a container-stack build from heroku.yml: each `build.docker` image is built from its Dockerfile. */
export function planContainerBuild(files: SourceFiles, appName: string): BuildPlan {
  const head = ['=== Fetching app code', ' '];
  const manifest = text(files, 'heroku.yml');
  if (manifest === undefined) return failedPlan([...head, '=!= No heroku.yml in the root of the source: container-stack apps build from heroku.yml.']);
  let doc: Record<string, unknown>;
  try {
    doc = (parseYaml(manifest) ?? {}) as Record<string, unknown>;
  } catch (e) {
    return failedPlan([...head, `=!= heroku.yml is not valid YAML: ${(e as Error).message.split('\n')[0]}`]);
  }
  const docker = ((doc.build ?? {}) as { docker?: unknown }).docker;
  if (!docker || typeof docker !== 'object' || Object.keys(docker).length === 0) {
    return failedPlan([...head, '=!= heroku.yml has no build.docker section: nothing to build.']);
  }
  const steps: BuildPlan['steps'] = [...head];
  const processTypes: Record<string, string> = {};
  for (const [type, v] of Object.entries(docker as Record<string, unknown>)) {
    const path = typeof v === 'string' ? v : String((v as { dockerfile?: unknown } | null)?.dockerfile ?? 'Dockerfile');
    const dockerfile = text(files, path.replace(/^\.\//, ''));
    if (dockerfile === undefined) return failedPlan([...steps, `=!= ${path} not found: heroku.yml builds ${type} from it.`]);
    const instructions = dockerfile.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    steps.push(`=== Building ${type} (${path})`, `Sending build context to Docker daemon  ${Math.ceil(sourceBytes(files) / 1024)}kB`);
    instructions.forEach((ins, i) => steps.push([`Step ${i + 1}/${instructions.length} : ${ins}`, /^RUN /i.test(ins) ? 4 : 1], ` ---> ${hex(`${type}${i}`)}`));
    steps.push(`Successfully built ${hex(type)}`, `=== Pushing ${type} (${path})`,
      `The push refers to repository [registry.heroku.com/${appName}/${type}]`, [`latest: digest: sha256:${hex(type, 64)} size: 1574`, 2]);
    const cmd = /^CMD\s+(.*)$/im.exec(instructions.join('\n'))?.[1];
    if (cmd) processTypes[type] = execForm(cmd);
  }
  for (const [type, v] of Object.entries((doc.run ?? {}) as Record<string, unknown>)) {
    const c = commandOf(v);
    if (c) processTypes[type] = c;
  }
  return {
    ok: true, steps, processTypes, releaseCommand: commandOf(doc.release) ?? null, buildpackDescription: null, container: true,
    slugSize: 0,
  };
}

/** `CMD ["node", "x.js"]` (exec form) or `CMD node x.js` (shell form) as one command line. */
function execForm(cmd: string): string {
  try {
    const v = JSON.parse(cmd) as unknown;
    if (Array.isArray(v)) return v.map(String).join(' ');
  } catch {
    // shell form
  }
  return cmd;
}

function hex(seed: string, n = 12): string {
  let h = 2166136261;
  let out = '';
  while (out.length < n) {
    for (const c of `${seed}${out.length}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, n);
}
