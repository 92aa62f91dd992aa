// Heroku's error codes (Dev Center "Heroku Error Codes", devcenter.heroku.com/articles/error-codes): H = router,
// R = dyno runtime, L = logging. Titles are Heroku's; the one-line meanings are our own summaries. Each code's link
// is the page with the anchor of its heading "H12 - Request timeout": lower case, every run of other characters one
// hyphen (`#h12-request-timeout`, `#h16-no-longer-in-use`); checked against the page's table of contents.

export interface ErrorCodeInfo {
  /** `H12`, `R14`, `L10`. */
  readonly code: string;
  /** Heroku's title, e.g. `Request timeout`. */
  readonly title: string;
  /** One sentence on what happened. */
  readonly meaning: string;
  /** The Dev Center explanation. */
  readonly url: string;
}

export const ERROR_CODES_URL = 'https://devcenter.heroku.com/articles/error-codes';

// [code, title, meaning]
const TABLE: readonly (readonly [string, string, string])[] = [
  ['H10', 'App crashed', 'The web dyno crashed or failed to boot, so the router had nowhere to send the request.'],
  ['H11', 'Backlog too deep', 'Requests queued faster than the app could serve them and the router started turning them away.'],
  ['H12', 'Request timeout', 'The app did not start answering within 30 seconds, so the router gave up with a 503.'],
  ['H13', 'Connection closed without response', 'The dyno accepted the connection and closed it without writing a response.'],
  ['H14', 'No web dynos running', 'A request arrived but no web dyno is running (web is scaled to 0 or none is defined).'],
  ['H15', 'Idle connection', 'The dyno started a response but sent nothing for 55 seconds, so the connection was cut.'],
  ['H16', '(No longer in use)', 'A retired code (redirect to herokuapp.com); Heroku no longer emits it.'],
  ['H17', 'Poorly formatted HTTP response', 'The dyno answered with an HTTP response the router could not parse (e.g. a status line without a reason phrase).'],
  ['H18', 'Server Request Interrupted', 'The app began a response and then closed the socket before finishing it.'],
  ['H19', 'Backend connection timeout', 'The router could not open a connection to a web dyno within 5 seconds; the app is likely overloaded.'],
  ['H20', 'App boot timeout', 'No web dyno reached "up" within 75 seconds while requests were waiting.'],
  ['H21', 'Backend connection refused', 'The web dyno refused the router\'s connection; the app is likely overloaded or not listening.'],
  ['H22', 'Connection limit reached', 'Too many client connections were open to the app at once.'],
  ['H23', 'Endpoint misconfigured', 'A WebSocket handshake came through a proxy that does not support WebSockets (now retired).'],
  ['H24', 'Forced close', 'The routing node handling the request was shut down before the request completed.'],
  ['H25', 'HTTP Restriction', 'The router blocked a response it judged risky or too large to parse (content length, cookie, header or status line).'],
  ['H26', 'Request Error', 'The client\'s request broke the HTTP protocol (bad header, bad chunk, unsupported Expect) and could not be delivered.'],
  ['H27', 'Client Request Interrupted', 'The client closed its connection before the response was delivered.'],
  ['H28', 'Client Connection Idle', 'The client started a request but sent nothing more for 55 seconds.'],
  ['H31', 'Misdirected Request', 'The client reached the wrong endpoint, usually through stale DNS or a CDN.'],
  ['H32', 'TLS Certificate Mismatch', 'The TLS certificate or server name of the connection did not match the requested host.'],
  ['H33', 'HTTP/2 Stream Broken', 'An HTTP/2 stream between client, router and dyno broke before the exchange completed.'],
  ['H34', 'All up dynos are quarantined', 'Every running web dyno was temporarily taken out of rotation after connection failures.'],
  ['H80', 'Maintenance mode', 'The app is in maintenance mode, so the router served the maintenance page (not an error).'],
  ['H81', 'Blank app', 'Nothing has been deployed to this app yet (not an error).'],
  ['H82', 'Free dyno quota exhausted', 'The account\'s dyno hour pool is used up and its dynos are asleep.'],
  ['H83', 'Planned Service Degradation', 'The app is briefly unavailable during planned platform maintenance.'],
  ['H99', 'Platform error', 'An internal Heroku error in the routing layer; nothing for you to change.'],
  ['R10', 'Boot timeout', 'The web process did not bind to $PORT within 60 seconds of starting, so it was killed.'],
  ['R12', 'Exit timeout', 'The process ignored SIGTERM for 30 seconds and was killed with SIGKILL.'],
  ['R13', 'Attach error', 'A one-off dyno (heroku run) could not attach to the client that started it.'],
  ['R14', 'Memory quota exceeded', 'The dyno uses more memory than its size allows and is swapping, which slows it down.'],
  ['R15', 'Memory quota vastly exceeded', 'The dyno used far more memory than its size allows and was killed.'],
  ['R16', 'Detached', 'An attached one-off dyno kept running after its client went away and ignored SIGHUP.'],
  ['R17', 'Checksum error', 'The slug\'s checksum did not verify, so the dyno could not start.'],
  ['R99', 'Platform error', 'An internal Heroku error in the dyno runtime; nothing for you to change.'],
  ['L10', 'Drain buffer overflow', 'A log drain could not keep up and Logplex discarded messages for it.'],
  ['L11', 'Tail buffer overflow', 'This log tail could not keep up and Logplex discarded messages to catch up.'],
  ['L12', 'Local buffer overflow', 'The dyno wrote logs faster than they could be shipped, so some were dropped on the dyno.'],
  ['L13', 'Local delivery error', 'Logs could not be delivered from the dyno to Logplex and were lost.'],
  ['L14', 'Certificate validation error', 'A TLS syslog drain presented a certificate that did not validate.'],
  ['L15', 'Tail buffer temporarily unavailable', 'The buffer of recent lines could not be read just now; try again or tail live.'],
];

/** The anchor Dev Center gives the heading `H12 - Request timeout`: `h12-request-timeout`. */
export function errorCodeAnchor(code: string, title: string): string {
  return `${code} - ${title}`.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

const BY_CODE = new Map<string, ErrorCodeInfo>(
  TABLE.map(([code, title, meaning]) => [code, { code, title, meaning, url: `${ERROR_CODES_URL}#${errorCodeAnchor(code, title)}` }]),
);

const FAMILY: Record<string, string> = { H: 'router (HTTP)', R: 'dyno runtime', L: 'logging' };

/** Every known code, in Dev Center order. */
export function knownErrorCodes(): ErrorCodeInfo[] {
  return [...BY_CODE.values()];
}

/** True for `H12`, `R14`, `L10`... (known or not). */
export function isErrorCode(s: string): boolean {
  return s.length === 3 && (s[0] === 'H' || s[0] === 'R' || s[0] === 'L') && s.charCodeAt(1) >= 48 && s.charCodeAt(1) <= 57
    && s.charCodeAt(2) >= 48 && s.charCodeAt(2) <= 57;
}

/** The table's entry, or a generic one for a well-formed code Heroku added after this table; undefined otherwise. */
export function errorCodeInfo(code: string): ErrorCodeInfo | undefined {
  const known = BY_CODE.get(code);
  if (known || !isErrorCode(code)) return known;
  return { code, title: 'Unknown code', meaning: `A Heroku ${FAMILY[code[0]]} error code this version does not know yet.`, url: ERROR_CODES_URL };
}
