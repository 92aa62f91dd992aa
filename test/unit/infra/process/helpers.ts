// What the process tests share: the runner fixtures, processes found by a marker, how to wait, a recording listener.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { waitUntil, type WaitOptions } from '../../../support/wait';
import type { ExitReport, StreamName, SupervisorListener } from '../../../../src/infra/process/supervisor';

export const FIXTURES = join(__dirname, '..', '..', '..', 'fixtures', 'runner');
export const NODE = JSON.stringify(process.execPath);

export function fixture(name: string): string {
  return JSON.stringify(join(FIXTURES, name));
}

export { liveWithMarker, newMarker } from '../../../support/processes';

/** How process tests wait (test/support/wait.ts): polls often, gives up before mocha's own timeout. */
export const POLL: WaitOptions = { ms: 10_000, everyMs: 25 };

/** A listener that records everything, with per-process output as text. */
export class Recorder implements SupervisorListener {
  readonly out = new Map<string, string>();
  readonly exits: ExitReport[] = [];
  readonly starts: Array<[string, number]> = [];
  readonly chunks: Array<[string, StreamName, string]> = [];

  output(id: string, stream: StreamName, lines: string): void {
    this.chunks.push([id, stream, lines]);
    this.out.set(id, (this.out.get(id) ?? '') + lines);
  }

  started(id: string, pid: number): void {
    this.starts.push([id, pid]);
  }

  exited(r: ExitReport): void {
    this.exits.push(r);
  }

  text(id: string): string {
    return this.out.get(id) ?? '';
  }

  exitOf(id: string): ExitReport | undefined {
    return this.exits.find((e) => e.id === id);
  }
}

/** A supervisor in a child process (test/fixtures/runner/supervise.ts: its arguments), for the tests that kill that
 *  parent with SIGKILL. `ready()` waits until every process printed a line; `killed()` kills the parent and waits. */
export function superviseInChild(specs: Array<{ id: string; command: string }>, graceMs: number, mode = '', platform = ''): {
  parent: ChildProcess; output(): string; ready(): Promise<void>; killed(): Promise<void>;
} {
  const parent = spawn(process.execPath, ['--require', 'tsx/cjs', join(FIXTURES, 'supervise.ts'), JSON.stringify(specs), String(graceMs), mode, platform], {
    cwd: join(__dirname, '..', '..', '..', '..'), stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((r) => parent.once('exit', r));
  let out = '';
  parent.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  parent.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  return {
    parent,
    output: () => out,
    ready: () => waitUntil('the supervised processes', () => out.includes('all ready'), { ...POLL, ms: 30000 }),
    killed: async () => {
      parent.kill('SIGKILL');
      await exited;
    },
  };
}
