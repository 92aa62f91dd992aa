// What the process tests share: the runner fixtures, processes found by a marker, how to wait, a recording listener.
import { join } from 'node:path';
import type { WaitOptions } from '../../../support/wait';
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
