// Running the CLI in this process with its output captured, as every CLI test does.
import { run, type CliIo } from '../../../src/cli/run';

/** What a subcommand may read beyond CliIo (stdin, signal, ...); `tty`: stdout is a terminal. */
export type CliOptions = Partial<Omit<CliIo, 'stdout' | 'stderr'>> & { tty?: boolean; [extra: string]: unknown };

export interface CliRun {
  /** The exit code, once the command ends. */
  readonly done: Promise<number>;
  /** Output so far. */
  stdout(): string;
  stderr(): string;
}

/**
 * Starts `heroku-workflows ...argv` (cwd: this process's unless given; env: empty unless given) through `main`
 * (default: the CLI's dispatch); its output can be read while it runs.
 */
export function startCli(argv: readonly string[], o: CliOptions = {}, main: (argv: string[], io: CliIo) => Promise<number> = run): CliRun {
  let stdout = '';
  let stderr = '';
  const { tty, ...rest } = o;
  const done = main([...argv], {
    cwd: process.cwd(),
    env: {},
    ...rest,
    stdout: { write: (s: string | Uint8Array) => (stdout += typeof s === 'string' ? s : Buffer.from(s).toString('utf8')), ...(tty === undefined ? {} : { isTTY: tty }) },
    stderr: { write: (s: string) => (stderr += s) },
  });
  return { done, stdout: () => stdout, stderr: () => stderr };
}

/** Runs `heroku-workflows ...argv` to its end: exit code and all output. */
export async function runCli(argv: readonly string[], o: CliOptions = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const r = startCli(argv, o);
  const code = await r.done;
  return { code, stdout: r.stdout(), stderr: r.stderr() };
}
