// `heroku-workflows pipelines info PIPELINE [--json]` and `heroku-workflows releases --app APP [--json]`: the
// diagram's and the timeline's view-models, printed (text without control characters, or JSON), so what the
// panels show can be checked headless. The token comes from HEROKU_API_KEY or ~/.netrc, as for the Heroku CLI;
// the API URL from HEROKU_API_URL. Exit 0 when everything was read, 1 when a part failed, 2 on bad usage.
import { homedir } from 'node:os';
import { buildDiagram } from '../../core/pipeline/diagram';
import { loadPipeline } from '../../core/pipeline/load';
import type { PipelineApi } from '../../core/pipeline/ports';
import { diagramText, timelineText } from '../../core/pipeline/text';
import { buildTimeline } from '../../core/pipeline/timeline';
import { HerokuSessionCore } from '../../infra/heroku/auth/session';
import { HerokuClient } from '../../infra/heroku/client';
import { pipelineApi } from '../../core/pipeline/api';
import type { CliIo, Subcommand } from '../run';

export const PIPELINES_USAGE = `Usage: heroku-workflows pipelines info PIPELINE [--json]

Shows a pipeline's stages and apps as the diagram does: each app's current release, deployed commit, dyno
health, region or space; review apps with branch and PR; the latest Heroku CI runs.
`;

export const RELEASES_USAGE = `Usage: heroku-workflows releases --app APP [--json]

Shows an app's release timeline: version, status, kind of change, description, user, time, current marker.
`;

interface Parsed { positional: string[]; json: boolean; app?: string; help: boolean; error?: string }

export function parseArgs(argv: string[]): Parsed {
  const p: Parsed = { positional: [], json: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') p.json = true;
    else if (a === '-h' || a === '--help') p.help = true;
    else if (a === '--app' || a === '-a') {
      const v = argv[++i];
      if (!v || v.startsWith('-')) p.error = `${a} needs an app name`;
      else p.app = v;
    } else if (a.startsWith('--app=')) p.app = a.slice(6);
    else if (a.startsWith('-')) p.error = `unknown option ${a}`;
    else p.positional.push(a);
  }
  return p;
}

async function apiFor(io: CliIo): Promise<PipelineApi | undefined> {
  const env = io.env;
  const session = new HerokuSessionCore({
    env, home: env.HOME || env.USERPROFILE || homedir(),
    secrets: { get: async () => undefined, store: async () => undefined, delete: async () => undefined },
    apiUrlSetting: () => undefined,
    createClient: (options) => new HerokuClient(options),
    clientOptions: { userAgent: 'heroku-workflows-cli' },
    warn: (message) => io.stderr.write(`heroku-workflows: ${message}\n`),
  });
  const client = await session.getClient();
  if (!client) {
    io.stderr.write('heroku-workflows: not signed in to Heroku: set HEROKU_API_KEY or run `heroku login` (~/.netrc).\n');
    return undefined;
  }
  return pipelineApi(() => client);
}

export const pipelines: Subcommand = async (argv, io) => {
  const [verb, ...rest] = argv;
  const args = parseArgs(rest);
  if (verb === '-h' || verb === '--help' || args.help) {
    io.stdout.write(PIPELINES_USAGE);
    return 0;
  }
  if (verb !== 'info' || args.error || args.positional.length !== 1) {
    io.stderr.write(`heroku-workflows pipelines: ${args.error ?? (verb !== 'info' ? `unknown subcommand ${verb ?? '(none)'}` : 'name one pipeline')}\n\n${PIPELINES_USAGE}`);
    return 2;
  }
  const api = await apiFor(io);
  if (!api) return 2;
  const diagram = buildDiagram(await loadPipeline(api, args.positional[0]));
  io.stdout.write(args.json ? `${JSON.stringify(diagram, null, 2)}\n` : diagramText(diagram));
  const failed = diagram.failures.length + diagram.columns.reduce((n, c) => n + c.failures.length + c.cards.reduce((m, x) => m + x.failures.length, 0), 0);
  return failed ? 1 : 0;
};

export const releases: Subcommand = async (argv, io) => {
  const args = parseArgs(argv);
  if (args.help) {
    io.stdout.write(RELEASES_USAGE);
    return 0;
  }
  if (args.error || !args.app || args.positional.length) {
    io.stderr.write(`heroku-workflows releases: ${args.error ?? (args.app ? 'unexpected arguments' : '--app is required')}\n\n${RELEASES_USAGE}`);
    return 2;
  }
  const api = await apiFor(io);
  if (!api) return 2;
  const timeline = buildTimeline(args.app, await api.releases(args.app, 50));
  io.stdout.write(args.json ? `${JSON.stringify(timeline, null, 2)}\n` : timelineText(timeline));
  return timeline.failures.length ? 1 : 0;
};
