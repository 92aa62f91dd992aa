// heroku.yml is used only when the app's stack is container; app.json sets the stack for app setups and review apps.
import { parse, type ParseError } from 'jsonc-parser';
import { detectForeign } from '../appjson/index';

/** A message when app.json (Heroku's) does not set stack "container"; undefined when all is well or unknowable. */
export function analyzeAppJsonStack(appJsonText: string): string | undefined {
  // Tolerant: a trailing comma in app.json (its own linter reports that) must not hide the stack.
  const errors: ParseError[] = [];
  const value: unknown = parse(appJsonText, errors, { allowTrailingComma: true });
  if (value === undefined) return undefined;
  if (detectForeign(value).foreign) return undefined;
  const stack = (value as Record<string, unknown>).stack;
  if (typeof stack === 'string' && stack.toLowerCase() === 'container') return undefined;
  return typeof stack === 'string'
    ? `app.json sets stack "${stack}": heroku.yml is used only on the container stack. Set "stack": "container" in app.json.`
    : 'app.json sets no stack: apps created from it (review apps, Heroku Button) build with buildpacks and ignore heroku.yml. Set "stack": "container".';
}
