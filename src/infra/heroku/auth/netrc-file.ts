// Reads the Heroku CLI's token from ~/.netrc (or ~/_netrc, the Windows name). HOME and the file reader are
// injected so tests use a temp folder. A missing or unreadable file is "no token", never an error.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findMachine, parseNetrc } from '../../../core/auth/netrc';

export interface NetrcToken {
  token: string;
  file: string;
  machine: string;
  login?: string;
}

export interface NetrcDeps {
  home: string | undefined;
  read?: (path: string) => Promise<string>;
}

export const NETRC_NAMES = ['.netrc', '_netrc'] as const;

/**
 * The password of `machine <host>` (the API URL's host), else of `machine api.heroku.com`. The `default` entry is
 * never used: it would send some other service's password to Heroku.
 */
export async function readNetrcToken(deps: NetrcDeps, apiHost: string): Promise<NetrcToken | undefined> {
  if (!deps.home) return undefined;
  const read = deps.read ?? ((p: string) => readFile(p, 'utf8'));
  const hosts = [...new Set([apiHost.toLowerCase(), 'api.heroku.com'])];
  for (const name of NETRC_NAMES) {
    const file = join(deps.home, name);
    let text: string;
    try {
      text = await read(file);
    } catch {
      continue;
    }
    const netrc = parseNetrc(text);
    for (const host of hosts) {
      const entry = findMachine(netrc, host);
      if (entry?.password) return { token: entry.password, file, machine: host, login: entry.login };
    }
  }
  return undefined;
}
