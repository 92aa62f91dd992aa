// `heroku-workflows run --app APP [--size SIZE] [--detached] COMMAND...`: a one-off dyno with its terminal here
// (raw mode when stdin is a TTY, restored on exit; Ctrl-C goes to the dyno), or detached. Exits with the
// command's exit status; the token is never printed.
import { describeEnd, startOneOff, waitForDyno } from '../../core/deploy/run';
import { deployApi } from '../../core/deploy/api';
import { connectRendezvous, type SessionEnd } from '../../infra/rendezvous/client';
import { systemClock } from '../../infra/clock';
import { connectSsh } from '../../infra/rendezvous/ssh-session';
import { verifyRendezvousCertificate } from '../../infra/rendezvous/tls-policy';
import { cliSession, NOT_SIGNED_IN, scrub } from '../deploy/session';
import type { CliIo, Subcommand } from '../run';

export const RUN_USAGE = `Usage: heroku-workflows run --app APP [--size SIZE] [--detached] [--] COMMAND...

Runs COMMAND in a one-off dyno of APP with its terminal here, and exits with its exit status.
--detached starts it with its output going to the app's logs instead.

Options:
  -a, --app APP     the Heroku app (required)
  -s, --size SIZE   dyno size (e.g. standard-2x)
  -d, --detached    do not attach; the output goes to the logs
  -h, --help        show this help
`;

/** What a test (or embedder) passes instead of the process's own streams. */
export interface RunIo extends CliIo {
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?(raw: boolean): unknown };
  columns?: number;
  rows?: number;
  signal?: AbortSignal;
}

export function parseRunArgs(argv: string[]): { app?: string; size?: string; detached: boolean; help: boolean; command: string[] } | { error: string } {
  const out = { app: undefined as string | undefined, size: undefined as string | undefined, detached: false, help: false, command: [] as string[] };
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') { i++; break; }
    if (!a.startsWith('-')) break;
    if (a === '-h' || a === '--help') out.help = true;
    else if (a === '-d' || a === '--detached') out.detached = true;
    else if (a === '-a' || a === '--app' || a === '-s' || a === '--size') {
      const v = argv[++i];
      if (!v) return { error: `${a} needs a value` };
      if (a === '-a' || a === '--app') out.app = v;
      else out.size = v;
    } else if (a.startsWith('--app=')) out.app = a.slice(6);
    else if (a.startsWith('--size=')) out.size = a.slice(7);
    else return { error: `unknown option ${a} (put the command after --)` };
  }
  out.command = argv.slice(i);
  return out;
}

/** Like the Heroku CLI: one argument is sent as it is; several are joined, quoting those with spaces or quotes. */
export function joinCommand(args: string[]): string {
  if (args.length === 1) return args[0];
  return args.map((a) => (/[\s"]/.test(a) ? `"${a.replace(/"/g, '\\"')}"` : a)).join(' ');
}

export const runDyno: Subcommand = async (argv, io: RunIo) => {
  const args = parseRunArgs(argv);
  if ('error' in args) {
    io.stderr.write(`heroku-workflows run: ${args.error}\n\n${RUN_USAGE}`);
    return 2;
  }
  if (args.help) {
    io.stdout.write(RUN_USAGE);
    return 0;
  }
  if (!args.app || args.command.length === 0) {
    io.stderr.write(`heroku-workflows run: ${!args.app ? '--app APP is required' : 'no COMMAND given'}\n\n${RUN_USAGE}`);
    return 2;
  }
  const session = await cliSession(io);
  if (!session.client) {
    io.stderr.write(`heroku-workflows run: ${NOT_SIGNED_IN}`);
    return 1;
  }
  const err = (s: string) => io.stderr.write(scrub(s, session.token));
  const api = deployApi(() => session.client);
  const stdin = io.stdin ?? (io.signal ? undefined : process.stdin);
  const tty = !!stdin?.isTTY && typeof stdin.setRawMode === 'function';
  const command = joinCommand(args.command);
  const started = await startOneOff(api, {
    app: args.app, command, size: args.size, attach: !args.detached, term: io.env.TERM,
    columns: io.columns ?? (process.stdout.isTTY ? process.stdout.columns : undefined),
    rows: io.rows ?? (process.stdout.isTTY ? process.stdout.rows : undefined), signal: io.signal,
  });
  if (!started.ok) {
    err(`heroku-workflows run: ${started.message}\n`);
    return 1;
  }
  const dyno = started.dyno.name;
  if (args.detached) {
    io.stdout.write(`Started ${dyno} on ${args.app} (detached). Its output goes to the logs: heroku logs --app ${args.app} --dyno ${dyno} --tail\n`);
    return 0;
  }
  err(`Running ${command} on ${args.app}: ${dyno} (${started.dyno.size})…\n`);
  const tunnel = started.tunnel;
  if (tunnel) {
    // Fir: over SSH once the dyno is up (the machine's own ssh and keys).
    const up = await waitForDyno(api, systemClock, args.app, dyno, io.signal);
    if (!up.ok) {
      err(`heroku-workflows run: ${up.message}\n`);
      await api.stopDyno(args.app, dyno).catch(() => undefined);
      return 1;
    }
  }
  const end = await new Promise<SessionEnd>((resolveEnd) => {
    const handlers = {
      onData: (text: string) => io.stdout.write(tty ? text : text.replace(/\r\n/g, '\n')),
      onEnd: (e: SessionEnd) => {
        cleanup();
        resolveEnd(e);
      },
    };
    const rs = tunnel
      ? connectSsh({ app: started.app.name, attachUrl: tunnel.url, verifyCertificate: verifyRendezvousCertificate(tunnel.host, session.apiUrl), signal: io.signal, ...(io.env.TERM ? { term: io.env.TERM } : {}) }, handlers)
      : connectRendezvous({
        attachUrl: started.dyno.attach_url ?? '', verifyCertificate: verifyRendezvousCertificate(started.attach!.host, session.apiUrl), signal: io.signal,
      }, handlers);
    // In raw mode Ctrl-C goes to the dyno; four within a second force a disconnect here, as the Heroku CLI does.
    let interrupts: number[] = [];
    const onData = (chunk: Buffer | string) => {
      const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
      if (tty && text.includes('\u0003')) {
        const now = Date.now();
        interrupts = [...interrupts.filter((t) => t > now - 1000), now];
        if (interrupts.length >= 4) {
          err('\r\nForcing the disconnect (Ctrl-C four times).\r\n');
          rs.close();
          return;
        }
      }
      rs.write(text);
    };
    // Without a TTY, end of input is sent as Ctrl-D, as the Heroku CLI does.
    const onEndInput = () => { if (!tty) rs.write('\u0004'); };
    const onSigint = () => rs.close();
    if (stdin) {
      if (tty) stdin.setRawMode!(true);
      stdin.on('data', onData);
      stdin.on('end', onEndInput);
      stdin.resume();
    }
    if (!tty && !io.signal) process.once('SIGINT', onSigint);
    function cleanup() {
      if (stdin) {
        stdin.removeListener('data', onData);
        stdin.removeListener('end', onEndInput);
        if (tty) stdin.setRawMode!(false);
        stdin.pause();
      }
      process.removeListener('SIGINT', onSigint);
    }
  });
  if (end.kind === 'cancelled' || end.kind === 'dropped') await api.stopDyno(args.app, dyno).catch(() => undefined);
  const { text, exitCode } = describeEnd(end, dyno);
  err(`${end.kind === 'exited' && end.status === 0 ? '' : '\n'}${text}\n`);
  return exitCode;
};
