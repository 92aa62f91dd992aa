// Arguments of `heroku-workflows logs parse|tail`: usage errors are values, never exceptions.
import type { LogFilterSpec } from '../../core/logs/filter';

export type ColorMode = 'auto' | 'always' | 'never';

export interface LogsArgs {
  command: 'parse' | 'tail' | 'help';
  json: boolean;
  color: ColorMode;
  filter: LogFilterSpec;
  /** tail */
  app?: string;
  lines: number;
  /** tail: --no-tail prints the history and stops (Cedar). */
  follow: boolean;
}

export const LOGS_USAGE = `Usage: heroku-workflows logs parse [--json] [FILTERS]
       heroku-workflows logs tail --app APP [--dyno D] [--type T] [--source S] [--lines N] [--no-tail] [--json] [FILTERS]

parse   reads Heroku log lines on stdin (heroku logs, a drain, a saved file) and prints them coloured
        (on a terminal; NO_COLOR or --color never turns colour off) or as one JSON object per line:
        {timestamp, source, dyno, type, message, fields?, code?}
tail    streams an app's logs through the Platform API with the token the extension uses
        (HEROKU_API_KEY, else the Heroku CLI login in ~/.netrc; HEROKU_API_URL for another API host);
        reconnects by itself and says so on the output when lines may be missing

Options:
  --app, -a APP       the app to tail
  --dyno, -d D        only this dyno (web.1, web-5d7f8b9c6-x7k2q) or process type (web); sent to Heroku
  --type, -p T        only this process type; sent to Heroku
  --source, -s S      only this source (app, heroku); sent to Heroku
  --lines, -n N       lines of history before tailing (default 100, at most 1500; Cedar only)
  --no-tail           print the history and stop (Cedar only)
  --json              one JSON object per line on stdout; stream notices go to stderr
  --color WHEN        auto (default: on a terminal, unless NO_COLOR is set), always or never
FILTERS (applied here, also to parse):
  --grep TEXT         lines containing TEXT (case-insensitive)
  --regex RE          lines matching the regular expression RE (or /RE/flags)
  --errors            only errors and warnings (error codes, at=error, 5xx, crashes, app errors)
  -h, --help          show this help

Exit code: 0 when done or stopped (Ctrl-C), 1 when the tail failed (see stderr), 2 for a usage error.
`;

const VALUE_FLAGS: Record<string, keyof LogFilterSpec | 'app' | 'lines' | 'color'> = {
  '--app': 'app', '-a': 'app', '--dyno': 'dyno', '-d': 'dyno', '--type': 'type', '-p': 'type', '--source': 'source',
  '-s': 'source', '--lines': 'lines', '-n': 'lines', '--num': 'lines', '--grep': 'text', '--regex': 'regex', '--color': 'color',
};

export function parseLogsArgs(argv: string[]): LogsArgs | { error: string } {
  const [sub, ...rest] = argv;
  const out: LogsArgs = { command: 'help', json: false, color: 'auto', filter: {}, lines: 100, follow: true };
  if (sub === undefined || sub === '-h' || sub === '--help' || sub === 'help') return out;
  if (sub !== 'parse' && sub !== 'tail') return { error: `unknown logs command "${sub}" (parse or tail)` };
  out.command = sub;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const inline = eq > 0 ? a.slice(eq + 1) : undefined;
    if (flag === '-h' || flag === '--help') return { ...out, command: 'help' };
    if (flag === '--json') out.json = true;
    else if (flag === '--errors') out.filter.errorsOnly = true;
    else if (flag === '--no-tail') out.follow = false;
    else if (flag === '--no-color') out.color = 'never';
    else if (flag in VALUE_FLAGS) {
      const value = inline ?? rest[++i];
      if (value === undefined || (inline === undefined && value.startsWith('-') && value.length > 1)) return { error: `${flag} needs a value` };
      const key = VALUE_FLAGS[flag];
      if (key === 'app') out.app = value;
      else if (key === 'lines') {
        if (!/^\d+$/.test(value) || Number(value) > 1500) return { error: `--lines must be a number from 0 to 1500 (got "${value}")` };
        out.lines = Number(value);
      } else if (key === 'color') {
        if (value !== 'auto' && value !== 'always' && value !== 'never') return { error: `--color must be auto, always or never (got "${value}")` };
        out.color = value;
      } else {
        (out.filter as Record<string, string>)[key] = value;
      }
    } else {
      return { error: `unknown option "${a}"` };
    }
  }
  if (out.command === 'tail' && !out.app) return { error: 'logs tail needs --app APP' };
  return out;
}
