// Argument parsing for `heroku-workflows lint`: usage errors are values, never exceptions.
import { overrideLevel } from '../../core/lint/overrides';
import type { RuleOverrides } from '../../core/lint/types';

export type Format = 'text' | 'json' | 'sarif';

export interface LintArgs {
  format: Format;
  overrides: RuleOverrides;
  paths: string[];
  help: boolean;
}

export const LINT_USAGE = `Usage: heroku-workflows lint [--format text|json|sarif] [--rule code=severity|off]... [PATH...]

Lints Procfile, Procfile.*, app.json and heroku.yml. A folder is searched recursively (node_modules, .git,
vendor and build folders are skipped); a file's kind comes from its name. PATH defaults to the current folder.

Options:
  --format FORMAT       text (default), json (1-based positions, end column exclusive) or sarif (2.1.0)
  --rule CODE=LEVEL     change a rule's severity (error, warning, info, hint; warn and
                        information too, as in heroku.lint.rules) or turn it off (off); repeatable
  -h, --help            show this help

Exit code: 1 when any error is reported, 2 for a usage error or unreadable path, 0 otherwise.
`;

export function parseLintArgs(argv: string[]): LintArgs | { error: string } {
  const out: LintArgs = { format: 'text', overrides: {}, paths: [], help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '-h' || flag === '--help') {
      out.help = true;
    } else if (flag === '--format' || flag === '-f') {
      const v = value();
      if (v !== 'text' && v !== 'json' && v !== 'sarif') return { error: `--format must be text, json or sarif (got ${v === undefined ? 'nothing' : `"${v}"`})` };
      out.format = v;
    } else if (flag === '--rule') {
      const v = value();
      const m = v === undefined ? null : /^([^=\s]+)=(\w+)$/.exec(v);
      const level = m ? overrideLevel(m[2]) : undefined;
      if (!m || !level) return { error: `--rule expects code=error|warning|info|hint|off (got ${v === undefined ? 'nothing' : `"${v}"`})` };
      out.overrides[m[1]] = level; // the same levels and spellings (warn, information) as heroku.lint.rules
    } else if (flag === '--') {
      out.paths.push(...argv.slice(i + 1));
      break;
    } else if (a.startsWith('-') && a !== '-') {
      return { error: `unknown option "${a}"` };
    } else {
      out.paths.push(a);
    }
  }
  return out;
}
