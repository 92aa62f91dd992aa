// Known causes of a failed deploy, in plain words with the Dev Center page that covers them, and the lines of
// output worth showing first. Matching is on the text buildpacks (classic and CNB) and the release phase print.
import { stripAnsi } from './text';
import type { StepName } from './steps';

export type CauseId = 'buildpack-detect' | 'missing-procfile' | 'no-web-process' | 'release-phase' | 'slug-too-large' | 'compile-failed';

export interface Explanation {
  cause: CauseId;
  /** One sentence: what went wrong. */
  title: string;
  /** What to do about it. */
  detail: string;
  docs: string;
}

export interface FailureFacts {
  step: StepName;
  lines: readonly string[];
  message: string;
  exitCode?: number;
  /** From the pack plan, when known: whether the uploaded folder has a Procfile at its root. */
  hasProcfile?: boolean;
}

const DETECT = /no default language could be detected|could not detect|not compatible with buildpack|no buildpack groups passed detection|failed to detect|detect(ion)? failed/i;
const PROCFILE = /no procfile|procfile (was )?not found|missing procfile|procfile is missing/i;
const SLUG = /slug size.*too large|too large \(max is/i;
const COMPILE = /failed to compile|push rejected|build failed|failed to build/i;

const DOCS = {
  buildpacks: 'https://devcenter.heroku.com/articles/buildpacks',
  procfile: 'https://devcenter.heroku.com/articles/procfile',
  releasePhase: 'https://devcenter.heroku.com/articles/release-phase',
  slug: 'https://devcenter.heroku.com/articles/slug-compiler',
  h14: 'https://devcenter.heroku.com/articles/error-codes#h14-no-web-dynos-running',
};

export function explainFailure(f: FailureFacts): Explanation | undefined {
  const text = f.lines.map(stripAnsi);
  const has = (re: RegExp) => text.some((l) => re.test(l)) || re.test(f.message);
  if (f.step === 'release') {
    const code = f.exitCode ?? exitCodeIn(text);
    return {
      cause: 'release-phase',
      title: `The release phase command failed${code !== undefined ? ` (exit code ${code})` : ''}.`,
      detail: 'The `release:` command of the Procfile ran in a one-off dyno and did not succeed, so the new release was not '
        + 'deployed: the previous release is still running. Its output is above; fix the command (often a migration) and deploy again.',
      docs: DOCS.releasePhase,
    };
  }
  if (f.step !== 'build') return undefined;
  if (has(PROCFILE) || (f.hasProcfile === false && has(/process type|procfile/i))) {
    return {
      cause: 'missing-procfile',
      title: 'The build found no Procfile.',
      detail: 'Add a Procfile at the root of the deployed folder that declares at least a `web:` process '
        + '(for example `web: npm start`), or deploy the folder that contains it.',
      docs: DOCS.procfile,
    };
  }
  if (has(DETECT)) {
    return {
      cause: 'buildpack-detect',
      title: 'No buildpack recognised the app.',
      detail: 'Buildpacks detect a language from files at the root of the deployed folder (package.json, requirements.txt, '
        + 'Gemfile, go.mod, pom.xml…). Deploy the folder that has them, or set a buildpack on the app (`heroku buildpacks:set`).'
        + (f.hasProcfile === false ? ' The folder has no Procfile either.' : ''),
      docs: DOCS.buildpacks,
    };
  }
  if (has(SLUG)) {
    return {
      cause: 'slug-too-large',
      title: 'The compiled slug is larger than Heroku allows.',
      detail: 'Leave build artefacts, test data and large assets out of the upload with .gitignore (or .slugignore), and purge the build cache.',
      docs: DOCS.slug,
    };
  }
  if (has(COMPILE)) {
    return {
      cause: 'compile-failed',
      title: "The buildpack's compile step failed.",
      detail: 'The first error lines of the build output are shown below; the full output is above.',
      docs: DOCS.buildpacks,
    };
  }
  return undefined;
}

/** After a successful deploy: a warning when the new release runs no web process (requests would get H14). */
export function explainNoWeb(processTypes: readonly string[] | undefined): Explanation | undefined {
  if (!processTypes || processTypes.length === 0 || processTypes.includes('web')) return undefined;
  return {
    cause: 'no-web-process',
    title: `The release declares no web process (only ${processTypes.join(', ')}).`,
    detail: 'Nothing answers HTTP requests: the router answers H14 "No web dynos running". Add a `web:` line to the Procfile if the app serves web traffic.',
    docs: DOCS.h14,
  };
}

const ERROR_LINE = /^\s*!|\berror\b|ERR!|\bfailed\b|\bfatal\b|exception|traceback|exit(ed)? (with )?(status|code) [1-9]/i;

/** The first lines that look like errors (with the line before each for context), else the last lines. */
export function firstErrorLines(lines: readonly string[], max = 12): string[] {
  const plain = lines.map(stripAnsi);
  const hits: number[] = [];
  plain.forEach((l, i) => { if ([ERROR_LINE, DETECT, PROCFILE, SLUG, COMPILE].some((re) => re.test(l))) hits.push(i); });
  if (hits.length === 0) return plain.filter((l) => l.trim()).slice(-Math.min(max, 8));
  const out: string[] = [];
  const taken = new Set<number>();
  for (const i of hits) {
    for (const j of [i - 1, i]) {
      if (j < 0 || taken.has(j) || !plain[j].trim()) continue;
      taken.add(j);
      out.push(plain[j]);
    }
    if (out.length >= max) break;
  }
  return out.slice(0, max);
}

function exitCodeIn(lines: readonly string[]): number | undefined {
  for (const l of lines) {
    const m = /exit(?:ed)?(?: with)?(?: status| code)[ :]+(\d+)/i.exec(l);
    if (m) return Number(m[1]);
  }
  return undefined;
}
