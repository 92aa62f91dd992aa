// How much text a log channel keeps: `heroku.logs.scrollback` characters, after which the channel is cleared with a
// marker and the tail goes on (VS Code keeps all of an output channel's text; it is no archive). Pure.

export const SCROLLBACK_SETTING = 'heroku.logs.scrollback';
export const DEFAULT_SCROLLBACK = 32 << 20;
/** Below this a busy app would clear its channel every few seconds. */
export const MIN_SCROLLBACK = 100_000;
/** VS Code slows down well before this. */
export const MAX_SCROLLBACK = 512 << 20;

/** The setting's value as a limit: the default for anything but a number, clamped to [MIN, MAX]. */
export function scrollbackOf(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return DEFAULT_SCROLLBACK;
  return Math.min(MAX_SCROLLBACK, Math.max(MIN_SCROLLBACK, Math.round(value)));
}

/** `32 M characters`, `250,000 characters`. */
export function describeScrollback(chars: number): string {
  if (chars >= 1 << 20 && chars % (1 << 20) === 0) return `${chars / (1 << 20)} M characters`;
  return `${String(chars).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} characters`;
}
