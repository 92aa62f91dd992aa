// What the programs a web command starts do with the port, as their documentation says (docs/RULES.md, "fixed-port").
// - Proxies: wrappers that bind $PORT themselves and hand requests to the command after them on a local socket or
//   port, so that command's fixed port is correct.
// - Pass-through wrappers: they start something beside the command after them (a connection pooler, an APM agent)
//   or just run it; that command still has to bind $PORT.
// - Which short option is the listen port, per program: `-p` is the port for puma but the pid file for gunicorn,
//   the poll interval for node-supervisor, the process count for uwsgi, the print flag for node.
import type { Word } from './words';

/** Base names of the nginx buildpack's start scripts (heroku-community/nginx, bin/start-nginx*). */
export const PORT_PROXIES: ReadonlySet<string> = new Set(['start-nginx', 'start-nginx-debug', 'start-nginx-solo', 'start-nginx-static']);

/** Run the command after them (after their own options): the pgbouncer and stunnel buildpacks, APM agents, runners. */
const PASS_THROUGH: ReadonlySet<string> = new Set([
  'start-pgbouncer', 'start-pgbouncer-stunnel', 'start-stunnel', 'ddtrace-run', 'opentelemetry-instrument', 'jemalloc.sh',
  'exec', 'command', 'nohup', 'time', 'nice', 'env', 'timeout', 'xvfb-run', 'dumb-init', 'tini', 'chpst',
]);

/** `<runner> <sub> <command…>`: the sub-command that runs the rest. */
const RUNNERS: Readonly<Record<string, readonly string[]>> = {
  bundle: ['exec'], poetry: ['run'], pipenv: ['run'], uv: ['run'], pdm: ['run'], hatch: ['run'], rye: ['run'],
  'newrelic-admin': ['run-program', 'run-python'], pnpm: ['exec'], yarn: ['exec'], npx: [], doppler: ['run'],
};

/** Programs whose short option (besides the long ones every program shares) sets the listen port. */
export const SHORT_PORT: Readonly<Record<string, readonly string[]>> = {
  rails: ['-p'], rackup: ['-p'], puma: ['-p'], thin: ['-p'], unicorn: ['-p'], unicorn_rails: ['-p'], rainbows: ['-p'],
  passenger: ['-p'], shotgun: ['-p'], iodine: ['-p'], middleman: ['-p'], flask: ['-p'], next: ['-p'], nuxt: ['-p'],
  nuxi: ['-p'], 'http-server': ['-p'], 'json-server': ['-p'], hugo: ['-p'], ember: ['-p'], daphne: ['-p'],
  'heroku-php-apache2': ['-p'], 'heroku-php-nginx': ['-p'], honcho: ['-p'], foreman: ['-p'], serve: ['-l', '-p'],
  jekyll: ['-P'], ruby: ['-p'],
};

/** Clients and side services: their port or host options are not the web listener. */
export const NOT_LISTENERS: ReadonlySet<string> = new Set([
  'redis-server', 'redis-cli', 'memcached', 'psql', 'pg_dump', 'pg_restore', 'pg_isready', 'mysql', 'mysqladmin',
  'mongod', 'mongo', 'mongosh', 'ssh', 'scp', 'nc', 'ncat', 'socat', 'curl', 'wget', 'stunnel', 'pgbouncer',
]);

const SHELLS: ReadonlySet<string> = new Set(['sh', 'bash', 'dash', 'zsh', 'ash']);

export function baseName(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1).replace(/\.exe$/i, '');
}

export type Resolved =
  | { kind: 'program'; name: string; index: number }
  | { kind: 'proxy'; word: Word }
  | { kind: 'shell'; script: Word }
  | { kind: 'none' };

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/**
 * The program a simple command runs, from word `i` on: assignments (`PORT=5000`), pass-through wrappers and
 * runners are skipped (`assignments` gets each assignment word seen), `python -m X` and `python X.py` name X.
 */
export function resolveProgram(words: Word[], assignments: Word[]): Resolved {
  let i = 0;
  while (i < words.length) {
    const w = words[i].value;
    if (ASSIGNMENT.test(w)) { assignments.push(words[i]); i++; continue; }
    const name = baseName(w);
    if (PORT_PROXIES.has(name)) return { kind: 'proxy', word: words[i] };
    if (SHELLS.has(name)) {
      const c = words.findIndex((x, k) => k > i && x.value === '-c');
      return c > 0 && words[c + 1] ? { kind: 'shell', script: words[c + 1] } : { kind: 'program', name, index: i };
    }
    if (PASS_THROUGH.has(name)) {
      i++;
      // Their own options (`nice -n 5`, `timeout 30s`, `env -u X`) come before the command.
      while (i < words.length && (words[i].value.startsWith('-') || /^\d+[smhd]?$/.test(words[i].value))) {
        i += /^-[nuk]$|^--(?:signal|kill-after|adjustment|unset)$/.test(words[i].value) ? 2 : 1;
      }
      continue;
    }
    const subs = RUNNERS[name];
    if (subs) {
      const next = words[i + 1]?.value;
      if (subs.length === 0) { i++; continue; }
      if (next !== undefined && subs.includes(next)) { i += 2; continue; }
      return { kind: 'program', name, index: i };
    }
    if (/^python[\d.]*$/.test(name) || name === 'ruby' || name === 'node' || name === 'php') {
      // `python -m uvicorn …`, `python manage.py …`: the module or script is what reads the options after it.
      let k = i + 1;
      while (k < words.length && words[k].value.startsWith('-') && words[k].value !== '-m' && words[k].value !== '-S') k++;
      if (words[k]?.value === '-m' && words[k + 1]) return { kind: 'program', name: words[k + 1].value, index: k + 1 };
      if (name === 'php' && words[k]?.value === '-S') return { kind: 'program', name: 'php -S', index: k };
      if (name === 'ruby' && words[k]) return { kind: 'program', name: 'ruby', index: k };
      if (words[k]) return { kind: 'program', name: baseName(words[k].value), index: k };
      return { kind: 'program', name, index: i };
    }
    return { kind: 'program', name, index: i };
  }
  return { kind: 'none' };
}
