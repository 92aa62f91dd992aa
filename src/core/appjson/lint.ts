// app.json linter: strict JSON (with positions), the precompiled schema, semantic checks across files.
// Never throws; a file that is not Heroku's app.json (see foreign.ts) gets no problems at all.
import { getNodeValue, type Node } from 'jsonc-parser';
import { failureText } from '../lint/run';
import type { Problem } from '../lint/types';
import { parseProcfile } from '../procfile/parser';
import { processTypesFromHerokuYml } from '../herokuyml/index';
import { checkConfig } from './check-config';
import { checkPlatform } from './check-platform';
import type { CheckContext } from './context';
import { isObject } from './context';
import { detectForeign } from './foreign';
import { parseFast } from './fast-path';
import { parseJsonStrict, type ParsedJson } from './parse';
import { byPosition, LineIndex } from '../lint/positions';
import { checkSchema } from './schema-check';

export interface AppJsonInput {
  text: string;
  /** Text of a file next to app.json ("Procfile", "heroku.yml"), or undefined when there is none. */
  readSibling?: (name: string) => string | undefined;
  /**
   * Leave out what an editor's JSON language service already reports from the same schema file (syntax and
   * schema errors), so they do not show twice. The CLI leaves this unset.
   */
  skip?: { syntax?: boolean; schema?: boolean };
}

export interface AppJsonResult {
  problems: Problem[];
  /** Set when the file is not Heroku's app.json: why. */
  foreign?: string;
}

function processTypes(stack: unknown, readSibling: AppJsonInput['readSibling']): CheckContext['processTypes'] {
  if (!readSibling) return undefined;
  if (typeof stack === 'string' && stack.toLowerCase() === 'container') {
    const yml = readSibling('heroku.yml');
    const names = yml === undefined ? undefined : processTypesFromHerokuYml(yml);
    return names ? { names, source: 'heroku.yml' } : undefined;
  }
  const procfile = readSibling('Procfile');
  if (procfile === undefined) return undefined;
  return { names: parseProcfile(procfile).entries.map((e) => e.name), source: 'the Procfile' };
}

/** `fastPath: false` always builds the position tree first (tests compare both paths). */
export function analyzeAppJson(input: AppJsonInput, opts: { fastPath?: boolean } = {}): AppJsonResult {
  try {
    const fast = opts.fastPath === false ? undefined : parseFast(input.text);
    let parsed: ParsedJson | undefined;
    const slow = (): ParsedJson => (parsed ??= parseJsonStrict(input.text));
    let value: unknown;
    let problems: Problem[];
    let lines: LineIndex;
    if (fast) {
      value = fast.value;
      problems = [];
      lines = new LineIndex(input.text);
    } else {
      const p = slow();
      if (!p.root) return { problems: p.problems };
      value = getNodeValue(p.root);
      problems = input.skip?.syntax ? p.problems.filter((q) => q.code === 'appjson/duplicate-key') : [...p.problems];
      lines = p.lines;
    }
    const verdict = detectForeign(value);
    if (verdict.foreign) return { problems: [], foreign: verdict.reason };
    if (!isObject(value)) return { problems };
    // After a syntax error the parser's recovery guesses the structure (a missing `}` moves every later key into
    // the object before it): checks on that guess would report a flood of problems the file does not have.
    if (parsed?.problems.some((q) => q.code === 'appjson/syntax')) return { problems };
    const tree = (): Node => {
      const root = slow().root;
      if (!root) throw new Error('no JSON tree');
      return root;
    };
    if (!input.skip?.schema) problems.push(...checkSchema(value, tree, lines));
    const ctx: CheckContext = { value, tree, lines, problems, processTypes: processTypes(value.stack, input.readSibling) };
    checkConfig(ctx);
    checkPlatform(ctx);
    return { problems: ctx.problems };
  } catch (err) {
    // A linter never throws: report the failure as one problem instead of losing the file's diagnostics silently.
    return { problems: [{ code: 'appjson/internal-error', severity: 'error', message: `app.json could not be checked: ${failureText(err)}`,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }] };
  }
}

export function lintAppJson(input: AppJsonInput): Problem[] {
  return analyzeAppJson(input).problems.sort(byPosition);
}
