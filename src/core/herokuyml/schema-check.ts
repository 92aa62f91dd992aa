// heroku.yml schema validation with the validator precompiled from schemas/heroku.yml.schema.json.
import type { ErrorObject } from 'ajv';
import type { Document } from 'yaml';
import type { Problem } from '../lint/types';
import { collapseOneOf } from '../lint/ajv-errors';
import { displayPath, pointerToPath } from '../lint/json-pointer';
import type { LineIndex } from '../lint/positions';
import validate from './herokuyml-schema.generated';
import { nodeAt, rangeOf } from './parse';

const TYPES: Record<string, string> = { string: 'a string', object: 'a mapping', array: 'a list', number: 'a number', boolean: 'true or false' };

function message(e: ErrorObject, where: string): string {
  switch (e.keyword) {
    case 'type':
      return `${where} must be ${[...new Set(String(e.params.type).split(','))].map((t) => TYPES[t] ?? t).join(' or ')}.`;
    case 'required':
      return `${where} needs "${String(e.params.missingProperty)}".`;
    case 'minLength':
    case 'minItems':
      return `${where} must not be empty.`;
    default:
      return `${where}: ${e.message ?? 'invalid'}.`;
  }
}

export function checkSchema(value: unknown, doc: Document, lines: LineIndex): Problem[] {
  if (validate(value)) return [];
  const errors = validate.errors ?? [];
  const list = collapseOneOf(errors);
  const problems: Problem[] = [];
  for (const e of list) {
    const path = pointerToPath(e.instancePath);
    const where = displayPath(path);
    const { value: node, key } = nodeAt(doc, path);
    if (e.keyword === 'additionalProperties') {
      const name = String(e.params.additionalProperty);
      const at = nodeAt(doc, [...path, name]);
      problems.push({ code: 'herokuyml/unknown-key', severity: 'warning', range: rangeOf(lines, at.key ?? node),
        message: `Unknown key "${name}" in ${path.length ? where : 'heroku.yml'}; Heroku ignores it.` });
      continue;
    }
    const range = e.keyword === 'required' ? rangeOf(lines, key ?? node) : rangeOf(lines, node ?? key);
    problems.push({ code: 'herokuyml/schema', severity: 'error', message: message(e, where), range });
  }
  return problems;
}
