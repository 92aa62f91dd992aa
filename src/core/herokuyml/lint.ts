// heroku.yml linter (container stack): syntax with positions, the schema, and checks across files: Dockerfiles
// exist, `run` replaces the Procfile, app.json's stack must be container, images name a built process type.
// Never throws.
import { isMap, type Document, type Node } from 'yaml';
import { failureText } from '../lint/run';
import type { Problem } from '../lint/types';
import { byPosition } from '../lint/positions';
import { analyzeAppJsonStack } from './appjson-stack';
import type { LineIndex } from '../lint/positions';
import { parseProcfile } from '../procfile/parser';
import { mapKeys, nodeAt, parseHerokuYml, rangeOf, scalarText } from './parse';
import { checkSchema } from './schema-check';

export interface HerokuYmlInput {
  text: string;
  /** Text of a file next to heroku.yml ("Procfile", "app.json"), or undefined when there is none. */
  readSibling?: (name: string) => string | undefined;
  /** Whether a path relative to heroku.yml's folder is an existing file; undefined when that cannot be told. */
  fileExists?: (relativePath: string) => boolean | undefined;
  /** The file's base name; Heroku reads only `heroku.yml`, so `heroku.yaml` gets a rename fix. */
  fileName?: string;
}

function checkDockerfiles(doc: Document, lines: LineIndex, fileExists: (p: string) => boolean | undefined, out: Problem[]): void {
  for (const type of mapKeys(doc, ['build', 'docker'])) {
    const { value } = nodeAt(doc, ['build', 'docker', type]);
    const pathNode = isMap(value) ? nodeAt(doc, ['build', 'docker', type, 'dockerfile']).value : value;
    const path = scalarText(pathNode);
    if (!path) continue;
    const rel = path.replace(/^\.\//, '');
    if (rel.startsWith('/') || rel.split('/').includes('..')) {
      out.push({ code: 'herokuyml/dockerfile-outside-repo', severity: 'error', range: rangeOf(lines, pathNode),
        message: `"${path}" must be a path inside the repository, relative to heroku.yml.` });
    } else if (fileExists(rel) === false) {
      out.push({ code: 'herokuyml/missing-dockerfile', severity: 'error', range: rangeOf(lines, pathNode),
        message: `Dockerfile "${path}" for process type "${type}" does not exist.` });
    }
  }
}

function checkImages(doc: Document, lines: LineIndex, out: Problem[]): void {
  const built = mapKeys(doc, ['build', 'docker']);
  if (built.length === 0) return;
  const refs: [(string | number)[], string][] = [[['release', 'image'], 'release']];
  for (const type of mapKeys(doc, ['run'])) refs.push([['run', type, 'image'], `run.${type}`]);
  for (const [path, where] of refs) {
    const node = nodeAt(doc, path).value;
    const image = scalarText(node);
    if (image !== undefined && !built.includes(image)) {
      out.push({ code: 'herokuyml/unknown-image', severity: 'error', range: rangeOf(lines, node),
        message: `${where} uses the image of "${image}", but build.docker builds only ${built.join(', ')}.` });
    }
  }
  for (const type of mapKeys(doc, ['run'])) {
    const value = nodeAt(doc, ['run', type]).value;
    const hasImage = isMap(value) && nodeAt(doc, ['run', type, 'image']).value !== undefined;
    if (!built.includes(type) && !hasImage) {
      out.push({ code: 'herokuyml/run-without-image', severity: 'warning', range: rangeOf(lines, nodeAt(doc, ['run', type]).key),
        message: `No image is built for "${type}": add it to build.docker, or run it with another process's image (image: ${built[0]}).` });
    }
  }
}

function checkProcfile(doc: Document, lines: LineIndex, procfile: string, out: Problem[]): void {
  const runKey = nodeAt(doc, ['run']).key;
  if (!runKey) return;
  const inProcfile = parseProcfile(procfile).entries.map((e) => e.name);
  const inRun = mapKeys(doc, ['run']);
  // A Procfile `release` entry is covered by heroku.yml's own release section.
  const hasRelease = nodeAt(doc, ['release']).key !== undefined;
  const lost = inProcfile.filter((n) => !inRun.includes(n) && !(n === 'release' && hasRelease));
  out.push({ code: 'herokuyml/run-overrides-procfile', severity: 'warning', range: rangeOf(lines, runKey),
    message: 'heroku.yml has a run section, so Heroku ignores the Procfile' +
      (lost.length ? `: ${lost.join(', ')} from the Procfile will not run.` : '.') });
}

export function lintHerokuYml(input: HerokuYmlInput): Problem[] {
  try {
    const { doc, lines, problems } = parseHerokuYml(input.text);
    if (input.fileName && input.fileName !== 'heroku.yml') {
      problems.push({ code: 'herokuyml/file-name', severity: 'error', range: lines.range(0, 0),
        message: `Heroku reads only a file named heroku.yml; ${input.fileName} is ignored.`,
        fixes: [{ title: 'Rename to heroku.yml', renameTo: 'heroku.yml', isPreferred: true }] });
    }
    if (problems.some((p) => p.code === 'herokuyml/syntax' && p.severity === 'error')) return problems;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 1000 });
    } catch (err) {
      // e.g. an alias whose anchor comes later: the yaml package reports it only when building values.
      return [{ code: 'herokuyml/syntax', severity: 'error', message: err instanceof Error ? err.message : String(err), range: lines.range(0, 0) }];
    }
    if (value === null || value === undefined) {
      return [{ code: 'herokuyml/empty', severity: 'warning', message: 'heroku.yml is empty: declare at least build.docker.', range: lines.range(0, 0) }];
    }
    problems.push(...checkSchema(value, doc, lines));
    if (input.fileExists) checkDockerfiles(doc, lines, input.fileExists, problems);
    checkImages(doc, lines, problems);
    const procfile = input.readSibling?.('Procfile');
    if (procfile !== undefined) checkProcfile(doc, lines, procfile, problems);
    const appJson = input.readSibling?.('app.json');
    if (appJson !== undefined) {
      const stackProblem = analyzeAppJsonStack(appJson);
      const firstKey = isMap(doc.contents) ? (doc.contents.items[0]?.key as Node | undefined) : undefined;
      if (stackProblem) problems.push({ code: 'herokuyml/stack-not-container', severity: 'warning', range: rangeOf(lines, firstKey), message: stackProblem });
    }
    return problems.sort(byPosition);
  } catch (err) {
    return [{ code: 'herokuyml/internal-error', severity: 'error', message: `heroku.yml could not be checked: ${failureText(err)}`,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }];
  }
}
