// The combined output of every local process, for one output channel ("Heroku: Show Combined Local Output"):
// each line as `HH:MM:SS web.1    | text`, the time local and from the session's clock, colours and other escape
// sequences removed (an output channel shows them raw), and every control character left shown as `\uXXXX`
// (core/text/escape.ts). Starts, stops and exits get a line of their own. Kept bounded, so a channel opened late
// gets the recent past.
import { Emitter } from '../event';
import type { Clock } from '../heroku/ports';
import type { IDisposable } from '../lifecycle';
import { escapeControl } from '../text/escape';
import { describeExit } from './exit';
import type { LocalSession, SessionEvent } from './session';

/** Characters of combined text kept for a channel opened later. */
export const COMBINED_CHARS = 500_000;
/** Names are padded to this width (`worker.1` is the usual longest). */
const WIDTH = 8;

// eslint-disable-next-line no-control-regex -- finding escape sequences is the point
const SEQUENCES = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[PX^_][^\x1b]*\x1b\\|\x1b[ -/]*[0-~]|\x9b[0-?]*[ -/]*[@-~]/g;

/** `text` without ANSI escape sequences (CSI, incl. colours; OSC titles and links; the other ESC sequences). */
export function stripAnsi(text: string): string {
  return text.replace(SEQUENCES, '');
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** The local time of `ms` as `HH:MM:SS`. */
export function clockTime(ms: number): string {
  const d = new Date(ms);
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

/** A block of whole lines (each ending in '\n') of process `name` as combined-output lines, at `ms`. */
export function combinedLines(name: string, block: string, ms: number): string {
  if (block === '') return '';
  const body = block.endsWith('\n') ? block.slice(0, -1) : block;
  const prefix = `${clockTime(ms)} ${escapeControl(name).padEnd(WIDTH)} | `;
  let out = '';
  for (const raw of body.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    out += prefix + escapeControl(stripAnsi(line), { keep: '\t' }) + '\n';
  }
  return out;
}

function note(e: SessionEvent): string | undefined {
  switch (e.kind) {
    case 'output': return undefined;
    case 'started': return `[started, pid ${e.pid}]`;
    case 'stopping': return e.cause ? `[stopping: ${e.cause}]` : '[stopping]';
    case 'restarting': return '[restarting]';
    case 'exited': return `[${describeExit(e.exit)}]`;
  }
}

/** Follows a session's events and keeps their combined text; `onAppend` gives each new piece. */
export class CombinedOutput implements IDisposable {
  private kept = '';
  private readonly appended = new Emitter<string>();
  private readonly sub: IDisposable;
  readonly onAppend = this.appended.event;

  constructor(session: Pick<LocalSession, 'onEvent'>, private readonly clock: Pick<Clock, 'now'>, private readonly limit = COMBINED_CHARS) {
    this.sub = session.onEvent((e) => {
      const n = note(e);
      this.add(combinedLines(e.name, e.kind === 'output' ? e.text : `${n ?? ''}\n`, this.clock.now()));
    });
  }

  /** Everything kept (the latest `limit` characters, cut at a line start). */
  text(): string {
    return this.kept;
  }

  private add(piece: string): void {
    if (!piece) return;
    this.kept += piece;
    if (this.kept.length > this.limit) {
      const cut = this.kept.indexOf('\n', this.kept.length - this.limit);
      this.kept = this.kept.slice(cut < 0 ? this.kept.length - this.limit : cut + 1);
    }
    this.appended.fire(piece);
  }

  dispose(): void {
    this.sub.dispose();
    this.appended.dispose();
  }
}
