// One-off dynos (`heroku run`): the command sent (with the Heroku CLI's exit-status trick), a filter that takes
// the exit-status line out of the terminal stream (wherever chunks split it), the commands offered for a stack,
// and what Fir apps offer instead. Pure.

/** The CLI appends this echo to the command; the dyno prints the marker line when the command ends. */
export const EXIT_MARKER = '\uFFFF heroku-command-exit-status:';

/** The command as sent: the user's, then ` ; echo "<marker> $?"` (the space keeps a bare process type resolvable). */
export function commandWithExitStatus(command: string): string {
  return `${command} ; echo "${EXIT_MARKER} $?"`;
}

const MARKER_LINE = /\uFFFF heroku-command-exit-status: (\d+)[ \t]*\r?\n?/;

/**
 * Passes terminal output through, minus the exit-status line. Holds back only text from a U+FFFF that might begin
 * the marker until the line is complete, so colours and prompts flow at once.
 */
export class ExitStatusFilter {
  private held = '';
  private status: number | undefined;

  get exitStatus(): number | undefined {
    return this.status;
  }

  /** Text to show now. */
  push(text: string): string {
    let s = this.held + text;
    this.held = '';
    let out = '';
    for (;;) {
      const at = s.indexOf('\uFFFF');
      if (at < 0) return out + s;
      out += s.slice(0, at);
      s = s.slice(at);
      const m = MARKER_LINE.exec(s);
      if (m && m.index === 0 && /\n/.test(m[0])) {
        this.status ??= Number(m[1]);
        s = s.slice(m[0].length);
        continue;
      }
      if (couldBecomeMarker(s)) {
        this.held = s;
        return out;
      }
      out += s[0];
      s = s.slice(1);
    }
  }

  /** At the end of the stream: the rest (a marker line without its newline still counts). */
  flush(): string {
    const s = this.held;
    this.held = '';
    const m = /^\uFFFF heroku-command-exit-status: (\d+)\s*$/.exec(s);
    if (m) {
      this.status ??= Number(m[1]);
      return '';
    }
    return s;
  }
}

function couldBecomeMarker(s: string): boolean {
  const head = s.slice(0, EXIT_MARKER.length);
  if (!EXIT_MARKER.startsWith(head)) return false;
  if (s.length <= EXIT_MARKER.length) return true;
  // After the marker: a space, digits, then the line's end.
  return /^ ?\d*[ \t]*\r?$/.test(s.slice(EXIT_MARKER.length)) && s.length < EXIT_MARKER.length + 16;
}

/** `rendezvous://host:port/secret` → its parts; undefined for any other shape (Fir answers with https URLs). */
export function parseAttachUrl(url: string | null | undefined): { host: string; port: number; secret: string } | undefined {
  if (!url) return undefined;
  const m = /^rendezvous:\/\/([^/:]+|\[[^\]]+\]):(\d{1,5})\/(.+)$/.exec(url);
  if (!m) return undefined;
  const port = Number(m[2]);
  if (port < 1 || port > 65535) return undefined;
  return { host: m[1].replace(/^\[|\]$/g, ''), port, secret: m[3] };
}

/** Whether an app is of the Fir generation (where `heroku run` is not offered). */
export function isFir(app: { generation?: { name: string } | string | null }): boolean {
  const g = app.generation;
  return (typeof g === 'string' ? g : g?.name) === 'fir';
}

/**
 * A Fir app's attached one-off dyno is reached over SSH through an HTTPS tunnel (the Heroku CLI spawns `ssh`
 * the same way); what to say when this machine has no `ssh`, and what it needs.
 */
export function firNeedsSsh(app: string): string {
  return `${app} is a Fir-generation app: its one-off dynos are reached over SSH, and no OpenSSH client (ssh) was found on PATH. `
    + 'Install OpenSSH, or use "Heroku: Run Detached Command…" (its output goes to the logs).';
}

/** What an ssh that could not log in (exit status 255) most likely needs, for a Fir one-off dyno. */
export function firSshFailed(app: string): string {
  return `ssh could not join the one-off dyno on ${app} (exit status 255). Fir's one-off dynos accept the SSH keys of your Heroku account: `
    + 'add your public key with `heroku keys:add` (or in the Dashboard\'s account settings), and make sure ssh can use it (ssh-add).';
}

/** On a Cloud Native Buildpacks stack (`cnb`, as on Fir) a command is run through `launcher`, as the CLI does. */
export function withLauncher(command: string, app: { stack?: { name?: string } | null }): string {
  return app.stack?.name === 'cnb' ? `launcher ${command}` : command;
}

export const FIR_DOCS = 'https://devcenter.heroku.com/articles/working-with-one-off-dynos';

/** Commands offered first for an app, from what its stack looks like (buildpack description, workspace files). */
export function suggestedCommands(hints: { buildpackDescription?: string | null; files?: readonly string[]; processTypes?: readonly string[] }): string[] {
  const out = ['bash'];
  const bp = (hints.buildpackDescription ?? '').toLowerCase();
  const files = new Set(hints.files ?? []);
  if (bp.includes('rails') || files.has('config/application.rb') || (bp.includes('ruby') && files.has('Gemfile'))) out.push('rails console');
  if (files.has('manage.py') || bp.includes('django')) out.push('python manage.py shell');
  else if (bp.includes('python') || files.has('requirements.txt') || files.has('pyproject.toml')) out.push('python');
  if (bp.includes('node') || files.has('package.json')) out.push('node');
  if (bp.includes('php') || files.has('composer.json')) out.push('php -a');
  for (const t of hints.processTypes ?? []) if (t !== 'web' && !out.includes(t)) out.push(t);
  return out;
}

/** The recent-commands list after running `command`: newest first, no duplicates, at most `max`. */
export function rememberCommand(recent: readonly string[], command: string, max = 10): string[] {
  const c = command.trim();
  if (!c) return [...recent];
  return [c, ...recent.filter((r) => r !== c)].slice(0, max);
}

/** The CLI's env for the dyno: TERM and the terminal's size. */
export function dynoEnv(term: string | undefined, size: { columns: number; rows: number } | undefined): Record<string, string> {
  const env: Record<string, string> = { TERM: term || 'xterm-256color' };
  if (size && size.columns > 0 && size.rows > 0) {
    env.COLUMNS = String(size.columns);
    env.LINES = String(size.rows);
  }
  return env;
}

/** Sizes offered for a one-off dyno (after "the app's default"): the Common Runtime's, as `heroku run -s` takes them. */
export const ONE_OFF_SIZES: readonly string[] = ['basic', 'standard-1x', 'standard-2x', 'performance-m', 'performance-l'];
