// Argument dispatch for the CLI; testable in plain Node (streams are passed in).
import { version } from '../../package.json';

export interface CliIo {
  /** The local runner writes bytes (src/cli/local/view.ts); the rest text. */
  stdout: { write(s: string | Uint8Array): unknown };
  stderr: { write(s: string): unknown };
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export type Subcommand = (args: string[], io: CliIo) => Promise<number>;

// require, not import(): the unit tier runs through tsx/cjs, whose hooks do not cover native import(). The built CLI
// (dist/cli.js) keeps each of these two out of itself: scripts/build.mjs makes them dist/cli-local.js and
// dist/cli-commands.js (scripts/bundles.mjs cliBundles), so a command parses only its own code.
const local = () => require('./local/index') as typeof import('./local/index');
const commands = () => require('./commands') as typeof import('./commands');

/** Subcommands register here: name -> [summary, handler]. */
const subcommands: Record<string, [string, () => Subcommand]> = {
  lint: ['lint Procfile, app.json and heroku.yml (text, json, sarif)', () => commands().lint],
  local: ['run the Procfile as heroku local does (formation, .env, ports)', () => local().local],
  logs: ['parse log lines from stdin, or tail an app\'s logs (colour, json, filters)', () => commands().logs],
  pipelines: ['pipelines info PIPELINE: stages, apps, releases, CI runs (text, json)', () => commands().pipelines],
  releases: ['releases --app APP: the release timeline (text, json)', () => commands().releases],
  deploy: ['deploy a folder to a Heroku app (source tarball, build, release)', () => commands().deploy],
  run: ['run a command in a one-off dyno with its terminal here', () => commands().runDyno],
};

export function helpText(): string {
  const lines = [
    'Usage: heroku-workflows <command> [options]',
    '',
    'Commands:',
    ...Object.entries(subcommands).map(([name, [summary]]) => `  ${name.padEnd(10)} ${summary}`),
    '',
    'Options:',
    '  -h, --help     show this help',
    '  -v, --version  print the version',
  ];
  return lines.join('\n') + '\n';
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    io.stdout.write(helpText());
    return first === undefined ? 2 : 0;
  }
  if (first === '-v' || first === '--version') {
    io.stdout.write(`${version}\n`);
    return 0;
  }
  const sub = subcommands[first];
  if (!sub) {
    io.stderr.write(`heroku-workflows: unknown command "${first}"\n\n${helpText()}`);
    return 2;
  }
  const handler = sub[1]();
  return handler(rest, io);
}
