// `heroku.lint.rules` values as users write them: checked at run time, since settings.json is not held to the
// schema (VS Code only underlines a wrong value). Plain data in and out.
import type { RuleOverrides, Severity } from './types';

/** What a rule's level may be set to; `warn` and `information` are accepted as the common other spellings. */
const LEVELS: Readonly<Record<string, Severity | 'off'>> = {
  error: 'error',
  warning: 'warning',
  warn: 'warning',
  info: 'info',
  information: 'info',
  hint: 'hint',
  off: 'off',
};

/** The level a setting value names (any case, spaces around ignored), or undefined when it names none. */
export function overrideLevel(value: unknown): Severity | 'off' | undefined {
  if (typeof value !== 'string') return undefined;
  const key = value.trim().toLowerCase();
  return Object.prototype.hasOwnProperty.call(LEVELS, key) ? LEVELS[key] : undefined;
}

export interface ParsedOverrides {
  overrides: RuleOverrides;
  /** One line per ignored entry, e.g. `"procfile/fixed-port": "loud" (not error, warning, info, hint or off)`. */
  invalid: string[];
}

/** The valid entries of a `heroku.lint.rules` value (anything read from settings); the others are listed in `invalid`. */
export function parseRuleOverrides(value: unknown): ParsedOverrides {
  const out: ParsedOverrides = { overrides: {}, invalid: [] };
  if (value === undefined || value === null) return out;
  if (typeof value !== 'object' || Array.isArray(value)) {
    out.invalid.push(`the setting is ${Array.isArray(value) ? 'a list' : `a ${typeof value}`}, not an object of code: level`);
    return out;
  }
  for (const [code, raw] of Object.entries(value as Record<string, unknown>)) {
    const level = overrideLevel(raw);
    if (level) out.overrides[code] = level;
    else out.invalid.push(`${JSON.stringify(code)}: ${JSON.stringify(raw) ?? String(raw)} (not error, warning, info, hint or off)`);
  }
  return out;
}
