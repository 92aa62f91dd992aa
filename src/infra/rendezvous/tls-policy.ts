// Whether to verify the rendezvous server's certificate. Heroku's rendezvous hosts present certificates that
// verify against the public CAs, and the Heroku CLI verifies them (rejectUnauthorized unless HEROKU_SSL_VERIFY=
// disable). We always verify, except for one case: the API itself is on a loopback address (the fake Heroku of
// the tests and the sandbox) and the attach URL points at a loopback address too, where the fake's rendezvous
// server uses a certificate it generated at start. A real Heroku API URL never turns verification off.

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|\[::1\]|localhost)$/i;

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.test(host);
}

export function verifyRendezvousCertificate(attachHost: string, apiUrl: string): boolean {
  let apiHost: string;
  try {
    apiHost = new URL(apiUrl).hostname;
  } catch {
    return true;
  }
  return !(isLoopbackHost(attachHost) && isLoopbackHost(apiHost));
}

/** Whether a socket error is the TLS handshake refusing the certificate (as opposed to the network). */
export function isTlsError(err: NodeJS.ErrnoException): boolean {
  return /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|ERR_SSL|HOSTNAME/i.test(err.code ?? '');
}
