// `heroku-workflows logs tail`: the extension's token sources without VS Code (HEROKU_API_KEY, then ~/.netrc; there
// is no secret storage here), HEROKU_API_URL and HEROKU_HEADERS as the extension reads them, then the same tail.
// The token is given to the client and the redactor only; nothing here prints it.
import { homedir } from 'node:os';
import type { LogFilter } from '../../core/logs/filter';
import { stoppedText } from '../../core/logs/markers';
import { Redactor } from '../../core/redact';
import { resolveToken, type SecretStore } from '../../infra/heroku/auth/token-sources';
import { HerokuClient } from '../../infra/heroku/client';
import { parseHerokuHeaders, resolveApiUrl } from '../../infra/heroku/config';
import { tailLogs } from '../../infra/logstream/tail';
import type { LogsArgs } from './args';
import type { LogsIo } from './index';
import { LogWriter, useColor } from './output';

const NO_SECRETS: SecretStore = {
  get: async () => undefined,
  store: async () => undefined,
  delete: async () => undefined,
};

export async function tailCommand(args: LogsArgs, io: LogsIo, filter: LogFilter, userAgent: string): Promise<number> {
  const redactor = new Redactor();
  const err = (s: string): void => { io.stderr.write(redactor.redact(s)); };
  const api = resolveApiUrl(io.env.HEROKU_API_URL, undefined);
  if (api.warning) err(`heroku-workflows logs: ${api.warning}\n`);
  const headers = parseHerokuHeaders(io.env.HEROKU_HEADERS);
  if (headers.warning) err(`heroku-workflows logs: ${headers.warning}\n`);
  const token = await resolveToken({ env: io.env, secrets: NO_SECRETS, home: io.env.HOME ?? homedir() }, new URL(api.url).hostname);
  if (!token) {
    err('heroku-workflows logs: not signed in to Heroku. Set HEROKU_API_KEY, or log in with the Heroku CLI (~/.netrc).\n');
    return 1;
  }
  redactor.add(token.token);
  const client = new HerokuClient({ baseUrl: api.url, getToken: () => token.token, extraHeaders: headers.headers, userAgent });
  const ac = new AbortController();
  const stop = (): void => ac.abort();
  const signals = io.signal ? [] : (['SIGINT', 'SIGTERM'] as const);
  for (const s of signals) process.once(s, stop);
  io.signal?.addEventListener('abort', stop, { once: true });
  const out = new LogWriter(io, { json: args.json, color: useColor(args.color, io.stdout, io.env), filter });
  const tail = tailLogs(client, {
    app: args.app as string, dyno: args.filter.dyno, type: args.filter.type, source: args.filter.source, lines: args.lines,
    tail: args.follow, signal: ac.signal, userAgent,
  });
  let code = 0;
  try {
    for await (const e of tail) {
      if (e.kind === 'lines') {
        out.lines(e.lines);
        await out.flush();
      } else if (e.kind === 'reconnected' || e.kind === 'dropped' || e.kind === 'truncated') {
        out.notice(e.text);
        await out.flush();
      } else if (e.kind === 'state' && e.retryInMs !== undefined) {
        err(`heroku-workflows logs: ${e.detail ?? 'the log stream broke'}; trying again in ${(e.retryInMs / 1000).toFixed(1)} s\n`);
      } else if (e.kind === 'end') {
        if (e.reason === 'failed') {
          err(`heroku-workflows logs: ${e.error ? e.text : stoppedText('failed')}\n`);
          code = 1;
        }
      }
    }
  } finally {
    for (const s of signals) process.off(s, stop);
    await out.flush();
  }
  return code;
}
