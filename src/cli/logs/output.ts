// Where `logs parse` and `logs tail` write: parsed, filtered lines as colour or plain text or JSON, gathered into
// large writes that respect the stream's back-pressure; notices (reconnects, drops) in the text or on stderr.
import type { LogFilter } from '../../core/logs/filter';
import { safeJson, toJsonRecord } from '../../core/logs/json';
import { parseLogLine } from '../../core/logs/parse';
import { ansiText, markerText, plainText } from '../../core/logs/render';
import type { CliIo } from '../run';
import type { ColorMode } from './args';

type Writable = CliIo['stdout'] & { isTTY?: boolean; once?: (event: string, fn: () => void) => unknown; writableNeedDrain?: boolean };

/** Colour on a terminal unless NO_COLOR (any non-empty value) or HEROKU_LOGS_COLOR=0 says no; FORCE_COLOR says yes. */
export function useColor(mode: ColorMode, out: Writable, env: NodeJS.ProcessEnv): boolean {
  if (mode !== 'auto') return mode === 'always';
  if (env.NO_COLOR || env.HEROKU_LOGS_COLOR === '0' || env.HEROKU_COLOR === '0') return false;
  if (env.FORCE_COLOR && env.FORCE_COLOR !== '0') return true;
  return out.isTTY === true;
}

export class LogWriter {
  private buffer = '';
  readonly color: boolean;
  written = 0;

  constructor(private readonly io: CliIo, private readonly opts: { json: boolean; color: boolean; filter: LogFilter }) {
    this.color = opts.color && !opts.json;
  }

  /** Parses, filters and queues lines; call flush() to write. */
  lines(lines: readonly string[]): void {
    const { json, filter } = this.opts;
    for (const raw of lines) {
      const line = parseLogLine(raw);
      if (!filter(line)) continue;
      this.buffer += (json ? safeJson(toJsonRecord(line)) : this.color ? ansiText(line) : plainText(line)) + '\n';
      this.written++;
    }
  }

  /** A stream notice: inline in text output (where the gap is), on stderr next to JSON output. */
  notice(text: string): void {
    if (this.opts.json) this.io.stderr.write(markerText(text, false) + '\n');
    else this.buffer += markerText(text, this.color) + '\n';
  }

  /** Writes what is queued; waits for 'drain' when the stream asks for it. */
  async flush(): Promise<void> {
    if (this.buffer === '') return;
    const text = this.buffer;
    this.buffer = '';
    const out = this.io.stdout as Writable;
    const ok = out.write(text);
    if (ok === false && typeof out.once === 'function') await new Promise<void>((r) => { out.once?.('drain', r); out.once?.('close', r); });
  }

  /** Flushes when enough is queued to be worth a write. */
  async maybeFlush(): Promise<void> {
    if (this.buffer.length >= 64 * 1024) await this.flush();
  }
}
