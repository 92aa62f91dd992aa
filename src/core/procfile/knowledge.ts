// What Heroku means by each well-known process type and variable (hover text; plain Markdown strings).
// Sources: Dev Center "The Procfile", "Release Phase", "Dyno Startup Behavior" (PORT, DYNO, Fir's IPv6 bind),
// "Running Apps Locally", changelog item 920 (heroku local skips release); see docs/RULES.md.

export const PROCESS_TYPES: Readonly<Record<string, string>> = {
  web: 'The only process type that receives HTTP traffic from Heroku\'s router. It must listen on `$PORT` (on all interfaces: `0.0.0.0`; on Fir the IPv6 `[::]`) within 60 seconds of starting (otherwise: R10 boot timeout).',
  worker: 'A background process (jobs, queues). It receives no HTTP traffic. Scale it with `heroku ps:scale worker=1`.',
  release: 'Runs once in the release phase, before a new release goes live (migrations, cache warm-up). A non-zero exit stops the release. `heroku local` does not run it.',
  clock: 'A custom scheduler process, usually scaled to exactly one dyno so scheduled work does not run twice.',
  urgentworker: 'A second worker type, conventionally for a high-priority queue. It receives no HTTP traffic.',
  console: 'An interactive process type used by `heroku run console`.',
  rake: 'A process type for one-off tasks run with `heroku run rake …`.',
};

export function describeProcessType(name: string): string {
  return PROCESS_TYPES[name] ?? 'A custom process type: it receives no HTTP traffic (only `web` does). Scale it with `heroku ps:scale ' + name + '=1`.';
}

export const VARIABLES: Readonly<Record<string, string>> = {
  PORT: 'Set by Heroku for each web dyno: the port the `web` process must listen on. `heroku local` sets it too (`-p` chooses it; Dev Center gives 5001 as the default).',
  DYNO: 'Set by Heroku: the dyno\'s name, e.g. `web.1` or `run.1234`.',
  WEB_CONCURRENCY: 'Set by some buildpacks from the dyno size: a suggested number of worker processes (gunicorn, puma, Node cluster).',
  DATABASE_URL: 'Set by the Heroku Postgres add-on: the connection URL (a secret).',
  REDIS_URL: 'Set by Heroku Key-Value Store (Redis): the connection URL (a secret).',
  JAVA_OPTS: 'JVM options; the Java buildpack sets defaults for the dyno size.',
  RAILS_ENV: 'The Rails environment; the Ruby buildpack sets `production`.',
  RACK_ENV: 'The Rack environment; the Ruby buildpack sets `production`.',
  NODE_ENV: 'The Node environment; the Node buildpack sets `production`.',
};

/** Keys whose values are not secret and may be shown unmasked in a hover. */
const HARMLESS_KEYS = new Set(['PORT', 'WEB_CONCURRENCY', 'RAILS_ENV', 'RACK_ENV', 'NODE_ENV', 'PYTHONUNBUFFERED', 'DYNO', 'LOG_LEVEL', 'TZ', 'JAVA_OPTS', 'MAX_THREADS', 'RAILS_MAX_THREADS']);

/**
 * A .env value as a hover may show it: in full for well-known harmless keys and for plain numbers/booleans,
 * otherwise masked (length only), since .env files hold secrets.
 */
export function displayEnvValue(key: string, value: string): string {
  if (HARMLESS_KEYS.has(key) || /^(\d{1,6}|true|false|yes|no|on|off|production|development|staging|test)$/i.test(value)) return value;
  return `•••••• (${value.length} characters, masked)`;
}
