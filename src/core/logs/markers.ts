// The texts of the lines a stream writes about itself. They start and end with an em dash so the heroku-log grammar
// (and a reader) tells them from log lines; the events that carry them are typed (infra/logstream/events.ts).

function seconds(ms: number): string {
  const s = Math.max(0, ms) / 1000;
  return s < 10 ? s.toFixed(1) : String(Math.round(s));
}

/** After a reconnect: `missing` when the stream could not prove that no line was lost in between. */
export function reconnectedText(afterMs: number, missing: boolean): string {
  return missing
    ? `— reconnected after ${seconds(afterMs)} s; lines in between may be missing —`
    : `— reconnected after ${seconds(afterMs)} s; no lines were missed —`;
}

/** Lines thrown away because the reader fell behind and the buffer was full. */
export function droppedText(count: number): string {
  return `— ${count} ${count === 1 ? 'line' : 'lines'} dropped: the reader could not keep up —`;
}

/** A line longer than the stream's limit: its start was kept, the rest skipped. */
export function truncatedText(skippedChars: number): string {
  return `— the line above was cut: ${skippedChars} more characters skipped —`;
}

/** A Fir session renewed (every 15 minutes, as the Heroku CLI does). */
export function renewedText(overlapped: boolean): string {
  return overlapped ? '— log session renewed —' : '— log session renewed; lines in between may be missing —';
}

/** The stream stopped for good. */
export function stoppedText(reason: string): string {
  return `— log stream stopped: ${reason} —`;
}

/** True for a line written by markers.ts. */
export function isMarkerText(text: string): boolean {
  return text.startsWith('— ') && text.endsWith(' —');
}
