// Process output on its way into a VS Code terminal (a Pseudoterminal of the local runner). Colour is kept: SGR
// sequences (`ESC[…m`) pass through, so a process's own colours render. Every other control character is shown as
// a visible `\uXXXX` by core/text/escape.ts (a cursor move `ESC[2J` reads `\u001b[2J`, an OSC title `ESC]0;…BEL`
// reads `\u001b]0;…\u0007`): output from a process must not move the cursor, clear the screen or retitle the
// terminal. Tabs stay. Lines end in CRLF, which a terminal needs; a CR before a line's end (CRLF output) is dropped.
import { escapeControl } from '../text/escape';

// eslint-disable-next-line no-control-regex -- finding SGR sequences is the point
const SGR = /\x1b\[[0-9;:]*m/g;
export const RESET = '\x1b[0m';

export interface TerminalTextOptions {
  /** End each line that set a colour with a reset (lines of several processes interleave in one terminal). */
  resetEachLine?: boolean;
  /** Put before each line (already safe text, e.g. a coloured `web.1 | `). */
  prefix?: string;
}

/** One line (no line break) made safe, SGR kept. */
export function safeLine(line: string, resetEachLine = false): string {
  const s = line.endsWith('\r') ? line.slice(0, -1) : line;
  let out = '';
  let last = 0;
  let coloured = false;
  SGR.lastIndex = 0;
  for (let m = SGR.exec(s); m; m = SGR.exec(s)) {
    out += escapeControl(s.slice(last, m.index), { keep: '\t' }) + m[0];
    last = m.index + m[0].length;
    coloured = true;
  }
  out += escapeControl(s.slice(last), { keep: '\t' });
  return coloured && resetEachLine ? out + RESET : out;
}

/** A block of whole lines (each ending in '\n', as the supervisor hands them over) as terminal text. */
export function terminalLines(block: string, o: TerminalTextOptions = {}): string {
  if (block === '') return '';
  const body = block.endsWith('\n') ? block.slice(0, -1) : block;
  const prefix = o.prefix ?? '';
  let out = '';
  for (const line of body.split('\n')) out += prefix + safeLine(line, o.resetEachLine) + '\r\n';
  return out;
}

/** A line of ours (dimmed, after a reset so a process's colour cannot bleed into it). */
export function terminalNote(text: string): string {
  return `${RESET}\x1b[2m${escapeControl(text)}${RESET}\r\n`;
}
