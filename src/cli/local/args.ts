// Argument parsing for `heroku-workflows local`: usage errors are values, never exceptions.

export interface LocalArgs {
  /** `web=1,worker=2`; several words are joined with commas (`local web worker`). */
  formation?: string;
  /** Env files in precedence order (the last wins); `explicit` false for the default `.env`. */
  envFiles: string[];
  explicitEnv: boolean;
  port?: string;
  procfile: string;
  release: boolean;
  keepRunning: boolean;
  graceMs?: number;
  help: boolean;
}

export const LOCAL_USAGE = `Usage: heroku-workflows local [FORMATION] [options]

Runs the Procfile's processes as \`heroku local\` does, in one interleaved output: every type except release once,
or FORMATION (web=1,worker=2, or names: web,worker). Each process runs under /bin/sh -c (cmd.exe on Windows)
with PORT = base + instance + type index * 100 (web.1=5006, web.2=5007, worker.1=5106), DYNO and
FOREMAN_WORKER_NAME set, and the env files' variables over the current environment.
When one process exits the others are stopped. Ctrl-C stops everything (twice: at once, with SIGKILL).

Options:
  -e, --env FILE[,FILE...]  env files (KEY=VALUE or JSON), the last one wins; default .env; repeatable
  -p, --port N              base port (default: PORT from the env files, else $PORT, else 5006)
  -f, --procfile PATH       the Procfile (default ./Procfile)
      --release             run the release process first, to completion (stop if it fails)
      --keep-running        keep the other processes running when one exits
      --grace MS            between SIGTERM and SIGKILL when stopping (default 5000)
  -h, --help                show this help

Colours: on a terminal unless NO_COLOR is set; processes then get FORCE_COLOR=1. Control characters in the
processes' output are shown escaped (\\x1b…), except colour codes on a colour terminal.
Exit code: the first process that failed on its own (its code, or 128 + signal), 130 after Ctrl-C,
2 when nothing could start, else 0.
`;

export function parseLocalArgs(argv: string[]): LocalArgs | { error: string } {
  const out: LocalArgs = { envFiles: [], explicitEnv: false, procfile: 'Procfile', release: false, keepRunning: false, help: false };
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string | { error: string } => {
      const v = inline ?? argv[++i];
      return v === undefined || v === '' ? { error: `${flag} needs a value` } : v;
    };
    if (flag === '-h' || flag === '--help') {
      out.help = true;
    } else if (flag === '-e' || flag === '--env') {
      const v = value();
      if (typeof v !== 'string') return v;
      out.envFiles.push(...v.split(',').map((f) => f.trim()).filter(Boolean));
      out.explicitEnv = true;
    } else if (flag === '-p' || flag === '--port') {
      const v = value();
      if (typeof v !== 'string') return v;
      out.port = v;
    } else if (flag === '-f' || flag === '--procfile') {
      const v = value();
      if (typeof v !== 'string') return v;
      out.procfile = v;
    } else if (flag === '--grace') {
      const v = value();
      if (typeof v !== 'string') return v;
      if (!/^\d+$/.test(v)) return { error: `--grace takes milliseconds (got "${v}")` };
      out.graceMs = Number(v);
    } else if (flag === '--release') {
      out.release = true;
    } else if (flag === '--keep-running') {
      out.keepRunning = true;
    } else if (a.startsWith('-') && a !== '-') {
      return { error: `unknown option "${a}"` };
    } else {
      words.push(a);
    }
  }
  if (words.length) out.formation = words.join(',');
  if (!out.envFiles.length) out.envFiles = ['.env'];
  return out;
}
