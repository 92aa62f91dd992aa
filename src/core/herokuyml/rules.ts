// Every heroku.yml rule: code, default severity, one-line summary (SARIF rule list, docs/RULES.md).
import type { RuleInfo } from '../lint/registry';

export function herokuYmlRuleInfo(): RuleInfo[] {
  return [
    { code: 'herokuyml/syntax', severity: 'error', summary: 'Not valid YAML (including duplicate keys and unresolved aliases).' },
    { code: 'herokuyml/file-name', severity: 'error', summary: 'The file is not named heroku.yml (heroku.yaml is ignored by Heroku).' },
    { code: 'herokuyml/empty', severity: 'warning', summary: 'The file declares nothing.' },
    { code: 'herokuyml/schema', severity: 'error', summary: 'A value of the wrong type or form for the heroku.yml schema.' },
    { code: 'herokuyml/unknown-key', severity: 'warning', summary: 'A key heroku.yml does not have; Heroku ignores it.' },
    { code: 'herokuyml/missing-dockerfile', severity: 'error', summary: 'A build.docker Dockerfile that does not exist.' },
    { code: 'herokuyml/dockerfile-outside-repo', severity: 'error', summary: 'A Dockerfile path that is absolute or leaves the repository.' },
    { code: 'herokuyml/unknown-image', severity: 'error', summary: 'release.image or run.<type>.image names a process type build.docker does not build.' },
    { code: 'herokuyml/run-without-image', severity: 'warning', summary: 'A run process type with no image built for it and no image named.' },
    { code: 'herokuyml/run-overrides-procfile', severity: 'warning', summary: 'run replaces the Procfile; lists Procfile types that will not run.' },
    { code: 'herokuyml/stack-not-container', severity: 'warning', summary: 'app.json does not set "stack": "container", so apps made from it ignore heroku.yml.' },
    { code: 'herokuyml/internal-error', severity: 'error', summary: 'The linter itself failed on this file (please report it).' },
  ];
}
