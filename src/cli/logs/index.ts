// `heroku-workflows logs parse|tail`: a composition root like the rest of src/cli (it builds the Heroku client and
// the log tail), everything else is src/core/logs.
import { version } from '../../../package.json';
import { compileLogFilter, type LogFilterSpec } from '../../core/logs/filter';
import type { CliIo, Subcommand } from '../run';
import { LOGS_USAGE, parseLogsArgs } from './args';
import { parseCommand } from './parse-cmd';
import { tailCommand } from './tail-cmd';

/** What the logs commands use beyond CliIo (tests pass them in; main.ts leaves them to process). */
export interface LogsIo extends CliIo {
  stdin?: AsyncIterable<Buffer | string>;
  /** Stops a tail (instead of SIGINT/SIGTERM). */
  signal?: AbortSignal;
}

export const logs: Subcommand = async (argv: string[], io: LogsIo) => {
  const args = parseLogsArgs(argv);
  if ('error' in args) {
    io.stderr.write(`heroku-workflows logs: ${args.error}\n\n${LOGS_USAGE}`);
    return 2;
  }
  if (args.command === 'help') {
    io.stdout.write(LOGS_USAGE);
    return 0;
  }
  // Heroku filters the session by dyno/type/source; here they also filter stdin, and add text, regex, errors only.
  const spec: LogFilterSpec = args.command === 'tail' ? { text: args.filter.text, regex: args.filter.regex, errorsOnly: args.filter.errorsOnly } : args.filter;
  const filter = compileLogFilter(spec);
  if (!filter.ok) {
    io.stderr.write(`heroku-workflows logs: ${filter.error}\n`);
    return 2;
  }
  return args.command === 'parse'
    ? parseCommand(args, io, filter.filter)
    : tailCommand(args, io, filter.filter, `heroku-workflows/${version}`);
};
