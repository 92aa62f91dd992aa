// Schema validation with the validator precompiled from schemas/app.json.schema.json (scripts/gen-validators.mjs),
// and ajv's errors turned into problems on the exact key or value they are about.
import type { ErrorObject } from 'ajv';
import type { Node } from 'jsonc-parser';
import type { Problem } from '../lint/types';
import { collapseOneOf } from '../lint/ajv-errors';
import { displayPath, pointerToPath } from '../lint/json-pointer';
import type { LineIndex } from '../lint/positions';
import { closest } from './closest';
import validate from './generated/appjson-schema.generated';
import { headRange, keyNode, nearest, nodeRange } from './nodes';

const TYPE_NAMES: Record<string, string> = {
  string: 'a string', object: 'an object', array: 'an array', integer: 'a whole number', number: 'a number', boolean: 'true or false',
};

function typeList(types: string[]): string {
  const names = [...new Set(types)].map((t) => TYPE_NAMES[t] ?? t);
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/** Keys of the nested objects (env entries, formation entries, add-ons, buildpacks, scripts), for "Did you mean". */
const NESTED_KEYS = ['description', 'value', 'required', 'generator', 'quantity', 'size', 'plan', 'as', 'options', 'url', 'command'];

function toProblem(e: ErrorObject, root: Node, lines: LineIndex): Problem {
  const path = pointerToPath(e.instancePath);
  // The value checked is the tree's (or JSON.parse's, identical), so the path exists; should it not, the error goes
  // on the deepest part of it that does rather than being lost.
  const { node } = nearest(root, path);
  const where = displayPath(path);
  const p = (message: string, range = nodeRange(lines, node), code = 'appjson/schema'): Problem =>
    ({ code, severity: 'error', message, range });
  switch (e.keyword) {
    case 'type':
      if (path[path.length - 1] === 'formation' && node.type === 'array') {
        // An early draft of app.json had a list of {process, quantity}; Heroku reads only the object form.
        return p(`${where} must be an object keyed by process type, e.g. {"web": {"quantity": 1}}: Heroku does not read the list form.`);
      }
      return p(`${where} must be ${typeList(String(e.params.type).split(','))}.`);
    case 'required':
      return p(`${where} needs "${String(e.params.missingProperty)}".`, headRange(lines, node));
    case 'additionalProperty':
    case 'additionalProperties': {
      const name = String(e.params.additionalProperty);
      const key = keyNode(node, name);
      const range = key ? nodeRange(lines, key) : headRange(lines, node);
      if (path.length === 1 && path[0] === 'environments') {
        return p(`Unknown environment "${name}": only "test" (Heroku CI) and "review" (review apps) exist.`, range, 'appjson/unknown-environment');
      }
      // A warning, as at the top level: Dev Center does not say that Heroku refuses such a key, and real manifests
      // that deploy have them (`"default"` next to `"description"`, meant as `"value"`).
      const guess = name === 'default' ? 'value' : closest(name, NESTED_KEYS);
      return {
        code: 'appjson/unknown-key', severity: 'warning', range,
        message: `"${name}" is not a key Heroku knows in ${where}; it has no effect.${guess ? ` Did you mean "${guess}"?` : ''}`,
      };
    }
    case 'maxLength':
      return p(`${where} must be at most ${String(e.params.limit)} characters long.`);
    case 'minLength':
      return p(`${where} must not be empty.`);
    case 'minimum':
      return p(`${where} must be ${String(e.params.limit)} or more.`);
    case 'minItems':
      return p(`${where} must not be empty.`);
    case 'pattern':
      if (path[0] === 'website' || path[0] === 'logo') return p(`${where} must be an absolute URL (https://…).`);
      if (e.propertyName !== undefined) {
        const key = keyNode(node, e.propertyName);
        return p(`"${e.propertyName}" is not a valid process type name (letters, digits, "_" and "-").`, key ? nodeRange(lines, key) : headRange(lines, node));
      }
      return p(`${where} does not have the expected form.`);
    default:
      return p(`${where}: ${e.message ?? 'invalid'}.`);
  }
}

export function checkSchema(value: unknown, tree: () => Node, lines: LineIndex): Problem[] {
  if (validate(value)) return [];
  const root = tree();
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const e of collapseOneOf(validate.errors ?? [])) {
    // propertyNames errors point at the object; ajv adds the offending name in params.propertyName.
    const prob = e.keyword === 'propertyNames' ? undefined : toProblem(e, root, lines);
    if (!prob) continue;
    const k = `${prob.code}|${prob.message}|${prob.range.start.line}:${prob.range.start.character}`;
    if (!seen.has(k)) {
      seen.add(k);
      problems.push(prob);
    }
  }
  return problems;
}
