// Tokens → text. ANSI for terminals, plain for output channels (whose heroku-log grammar colours the same parts);
// both escape control characters in every token, so log text can never drive the terminal.
import { escapeControl as escapeText, hasControl as hasAnyControl } from '../text/escape';

// Log messages use tabs as column separators (heroku[router] never does, apps do): a tab stays, all else is escaped.
const KEEP_TAB = { keep: '\t' };
export const escapeControl = (text: string): string => escapeText(text, KEEP_TAB);
const hasControl = (text: string): boolean => hasAnyControl(text.includes('\t') ? text.replaceAll('\t', ' ') : text);
import { tokenize, type Token, type TokenKind } from './tokens';
import type { LogLine } from './types';

const SGR: Record<TokenKind, string> = {
  timestamp: '90', source: '', dyno: '', punct: '', text: '', dim: '90',
  key: '90', value: '', method: '35', path: '32', code: '1;31', error: '31', warning: '33',
  status2xx: '32', status3xx: '36', status4xx: '33', status5xx: '31',
  fast: '32', slow: '33', slower: '31', marker: '3;33',
};
/** Per process type: green, yellow, blue, magenta, cyan, bright blue. */
const HUE_SGR = ['32', '33', '34', '35', '36', '94'];

/** `clean`: the caller checked that no token holds a control character (one scan of the line, not one per token). */
export function toAnsi(tokens: readonly Token[], clean = false): string {
  let out = '';
  for (const t of tokens) {
    const text = clean ? t.text : escapeControl(t.text);
    const sgr = t.hue !== undefined ? HUE_SGR[t.hue] : SGR[t.kind];
    out += sgr ? `\x1b[${sgr}m${text}\x1b[0m` : text;
  }
  return out;
}

export function toPlain(tokens: readonly Token[]): string {
  let out = '';
  for (const t of tokens) out += t.text;
  return escapeControl(out);
}

/**
 * The line's canonical text, escaped: `timestamp source[dyno]: message` whatever framing it came in (so a syslog
 * frame reads like a logplex line), the message alone for a line without a header. Equal to
 * toPlain(tokenize(line)), without building tokens: this is the output channel's per-line path.
 */
export function plainText(line: LogLine): string {
  const { raw, source, dyno, message, timestamp } = line;
  if (line.shape === 'text' || source === undefined || dyno === undefined) return escapeControl(message);
  const pre = timestamp === undefined ? 0 : timestamp.length + 1;
  // Already canonical (no drain token, `]: ` separator): the length and the `[` right after the source prove it.
  if (line.shape === 'logplex' && raw.length === pre + source.length + dyno.length + 4 + message.length && raw.charCodeAt(pre + source.length) === 91) {
    return escapeControl(raw);
  }
  return escapeControl(`${pre ? `${timestamp} ` : ''}${source}[${dyno}]: ${message}`);
}

export function ansiText(line: LogLine): string {
  // Every token's text comes from the raw line, so a clean raw line means clean tokens.
  return toAnsi(tokenize(line), !hasControl(line.raw));
}

/** A marker line of the stream (reconnects, dropped lines) in the style of its output. */
export function markerText(text: string, color: boolean): string {
  return color ? toAnsi([{ kind: 'marker', text }]) : escapeControl(text);
}
