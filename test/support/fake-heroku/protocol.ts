import type { IncomingHttpHeaders } from 'node:http';
import { HttpError } from './http';
import type { Variant } from './router';

/**
 * Checks `Authorization`: `Bearer <key>`, or Basic with the key as password (the CLI's netrc style,
 * any user name). Throws Heroku's 401 otherwise.
 */
export function checkAuth(headers: IncomingHttpHeaders, apiKey: string): void {
  const h = headers.authorization ?? '';
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(h);
  if (bearer && bearer[1] === apiKey) return;
  const basic = /^Basic\s+(\S+)\s*$/i.exec(h);
  if (basic) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon >= 0 && decoded.slice(colon + 1) === apiKey) return;
  }
  throw new HttpError(401, 'unauthorized', h === '' ? 'No credentials provided.' : 'Invalid credentials provided.');
}

/**
 * Checks `Accept: application/vnd.heroku+json; version=3` (or `3.sdk`, or another `3.<variant>` such as
 * `3.docker-releases`, served as 3). No version at all is 400 bad_request; another major version is 406.
 */
export function checkAccept(headers: IncomingHttpHeaders): Variant {
  const accept = headers.accept ?? '';
  const m = /application\/vnd\.heroku\+json\s*;\s*version=([\w.-]+)/i.exec(accept);
  if (!m) {
    throw new HttpError(400, 'bad_request', 'Please specify a version along with Heroku\'s API MIME type. For example, `Accept: application/vnd.heroku+json; version=3`.');
  }
  const v = m[1];
  if (v === '3.sdk') return '3.sdk';
  if (v === '3' || v.startsWith('3.')) return '3';
  throw new HttpError(406, 'not_acceptable', `Unsupported API version ${v}; set \`Accept: application/vnd.heroku+json; version=3\` and try again.`);
}

/** Mutations on an app that requires two-factor need `Heroku-Two-Factor-Code` with the account's code. */
export function checkTwoFactor(headers: IncomingHttpHeaders, required: boolean, code: string): void {
  if (!required) return;
  const given = headers['heroku-two-factor-code'];
  if (given === code) return;
  throw new HttpError(403, 'two_factor', given === undefined
    ? 'This action requires two-factor authentication. Supply the code in the Heroku-Two-Factor-Code header.'
    : 'Invalid two-factor code.');
}
