// Colour tokens for a parsed line: the one description of how a line looks, rendered as ANSI for terminals and as
// plain text for output channels (render.ts), so both always agree on the text. Token texts are raw; rendering escapes.
import { processTypeOf } from './dyno';
import { isErrorCode } from './codes';
import { scanPairs, startsWithPair } from './fields';
import { messageCode } from './parse';
import { severityOf } from './severity';
import type { LogLine } from './types';

export type TokenKind =
  | 'timestamp' | 'source' | 'dyno' | 'punct' | 'text' | 'dim'
  | 'key' | 'value' | 'method' | 'path' | 'code' | 'error' | 'warning'
  | 'status2xx' | 'status3xx' | 'status4xx' | 'status5xx'
  | 'fast' | 'slow' | 'slower' | 'marker';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /** For `dyno` and `source` tokens: a stable colour slot per process type (0-5). */
  readonly hue?: number;
}

const HUES = 6;

/** The same process type always gets the same slot, in every run and in every app. */
export function hueOf(type: string): number {
  let h = 0;
  for (let i = 0; i < type.length; i++) h = (h * 31 + type.charCodeAt(i)) | 0;
  return Math.abs(h) % HUES;
}

function statusKind(v: string): TokenKind {
  switch (v.charCodeAt(0)) {
    case 50: return 'status2xx';
    case 51: return 'status3xx';
    case 52: return 'status4xx';
    case 53: return 'status5xx';
    default: return 'value';
  }
}

/** `12ms`, `30001ms`, `0` → fast (< 100 ms), plain, slow (≥ 1 s) or slower (≥ 5 s). */
function durationKind(v: string): TokenKind {
  const ms = parseInt(v, 10);
  if (!(ms >= 0)) return 'value';
  return ms < 100 ? 'fast' : ms < 1000 ? 'value' : ms < 5000 ? 'slow' : 'slower';
}

function valueKind(key: string, value: string, sawCode: boolean): TokenKind {
  switch (key) {
    case 'at': return value === 'error' ? 'error' : value === 'warning' ? 'warning' : 'dim';
    case 'code': return isErrorCode(value) ? 'code' : 'value';
    case 'desc': return sawCode ? 'error' : 'value';
    case 'method': return 'method';
    case 'path': return 'path';
    case 'dyno': return 'dyno';
    case 'status': return statusKind(value);
    case 'connect':
    case 'service': return durationKind(value);
    default: return 'value';
  }
}

/** The header (`timestamp source[dyno]: `) as tokens; none for a line without one. */
function headerTokens(line: LogLine, out: Token[]): void {
  if (line.shape === 'text' || line.source === undefined || line.dyno === undefined) return;
  if (line.timestamp !== undefined) out.push({ kind: 'timestamp', text: line.timestamp }, { kind: 'punct', text: ' ' });
  const hue = hueOf(line.type ?? line.dyno);
  out.push({ kind: 'source', text: line.source, hue }, { kind: 'punct', text: '[' }, { kind: 'dyno', text: line.dyno, hue }, { kind: 'punct', text: ']: ' });
}

/** Colours a `key=value` message from the scan's spans, without building the fields object. */
function pairTokens(line: LogLine, out: Token[]): void {
  const m = line.message;
  let at = 0;
  let sawCode = false;
  // Text between pairs: spaces stay plain; words are dimmed, or red after an old-format `Error H10 (…)`.
  const gapKind: TokenKind = messageCode(m) !== undefined ? 'error' : 'dim';
  const gap = (text: string): Token => ({ kind: text.charCodeAt(0) === 32 && text.trim() === '' ? 'punct' : gapKind, text });
  scanPairs(m, (ks, ke, vs, ve) => {
    if (ks > at) out.push(gap(m.slice(at, ks)));
    const key = m.slice(ks, ke);
    const value = m.slice(vs, ve);
    out.push({ kind: 'key', text: key }, { kind: 'punct', text: '=' });
    if (value !== '') {
      const kind = valueKind(key, value, sawCode);
      if (kind === 'code') sawCode = true;
      out.push(kind === 'dyno' ? { kind, text: value, hue: hueOf(processTypeOf(value)) } : { kind, text: value });
    }
    at = ve;
  });
  if (at < m.length) out.push(gap(m.slice(at)));
}

/** Tokens whose texts, joined, are the line's canonical text (see plainText in render.ts). */
export function tokenize(line: LogLine): Token[] {
  const out: Token[] = [];
  headerTokens(line, out);
  if (line.message === '') return out;
  if (line.dyno === 'router' || (line.source === 'heroku' && startsWithPair(line.message))) {
    pairTokens(line, out);
    return out;
  }
  const sev = severityOf(line);
  out.push({ kind: sev === 'error' ? 'error' : sev === 'warning' ? 'warning' : 'text', text: line.message });
  return out;
}
