// Every app.json rule: code, default severity, one-line summary (SARIF rule list, docs/RULES.md).
import type { RuleInfo } from '../lint/registry';

export function appJsonRuleInfo(): RuleInfo[] {
  return [
    { code: 'appjson/syntax', severity: 'error', summary: 'Not valid strict JSON (missing comma, unclosed string or brace, empty file).' },
    { code: 'appjson/comment', severity: 'error', summary: 'A comment: JSON has none, and Heroku cannot read the file.' },
    { code: 'appjson/trailing-comma', severity: 'error', summary: 'A comma before a closing bracket or brace.' },
    { code: 'appjson/duplicate-key', severity: 'error', summary: 'A key written twice in one object; Heroku keeps only the last.' },
    { code: 'appjson/schema', severity: 'error', summary: 'A value of the wrong type or form for the app.json schema.' },
    { code: 'appjson/unknown-environment', severity: 'error', summary: 'An environment other than test and review.' },
    { code: 'appjson/name-too-long', severity: 'info', summary: 'A name longer than the 30 characters Dev Center allows.' },
    { code: 'appjson/unknown-key', severity: 'warning', summary: 'A top-level key Heroku does not know (with a rename fix for typos).' },
    { code: 'appjson/unknown-script', severity: 'warning', summary: 'A script other than postdeploy, pr-predestroy, test-setup and test (and Dokku\'s dokku).' },
    { code: 'appjson/formation-not-in-procfile', severity: 'warning', summary: 'A formation process type the Procfile (or heroku.yml on the container stack) does not declare.' },
    { code: 'appjson/addon-plan-format', severity: 'error', summary: 'An add-on plan that is not "service" or "service:plan".' },
    { code: 'appjson/duplicate-addon-as', severity: 'error', summary: 'Two add-ons attached under the same name.' },
    { code: 'appjson/env-generator', severity: 'error', summary: 'A generator other than "secret".' },
    { code: 'appjson/generator-with-value', severity: 'warning', summary: 'A config var with both a generator and a value.' },
    { code: 'appjson/deprecated-stack', severity: 'warning', summary: 'An end-of-life stack (heroku-20 and older), case-insensitive.' },
    { code: 'appjson/unknown-stack', severity: 'warning', summary: 'A stack that is not heroku-24, heroku-22 or container.' },
    { code: 'appjson/deprecated-size', severity: 'warning', summary: 'A retired dyno size (free, hobby, 1X, 2X, PX), with the replacement.' },
    { code: 'appjson/unknown-size', severity: 'warning', summary: 'A dyno size Heroku does not offer, case-insensitive.' },
    { code: 'appjson/deprecated-image', severity: 'info', summary: 'The deprecated "image" key.' },
    { code: 'appjson/buildpacks-on-container', severity: 'warning', summary: 'Buildpacks with the container stack, where they are not used.' },
    { code: 'appjson/relative-success-url', severity: 'warning', summary: 'A success_url that is neither absolute nor starts with "/".' },
    { code: 'appjson/internal-error', severity: 'error', summary: 'The linter itself failed on this file (please report it).' },
  ];
}
