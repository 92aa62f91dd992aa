// Numbered log lines for the bulk mode (benchmarks, loss counting): a realistic mix of router lines (mostly 200s,
// some 304/404/500, an H12 now and then), web and worker app lines. Each carries its sequence number where
// seqOf() finds it, so a reader can count lost and duplicated lines. Pure: no I/O, cheap per line.

const PATHS = ['/api/items/', '/orders/', '/assets/app-', '/users/', '/search?q=', '/healthz?n='];
const METHODS = ['GET', 'GET', 'POST', 'GET', 'GET', 'GET'];
const STATUS = ['200', '200', '201', '304', '200', '200', '404', '200', '200', '500', '200', '302'];

/** `2026-11-24T08:00:00.123456+00:00`, one millisecond per line from `baseMs`; the seconds part is cached. */
export class BulkClock {
  private prefixSecond = -1;
  private prefix = '';

  constructor(private readonly baseMs: number) {}

  stamp(seq: number): string {
    const ms = this.baseMs + seq;
    const second = Math.floor(ms / 1000);
    if (second !== this.prefixSecond) {
      this.prefixSecond = second;
      this.prefix = new Date(second * 1000).toISOString().slice(0, 19);
    }
    const micros = (ms % 1000) * 1000 + (seq % 1000);
    return `${this.prefix}.${String(micros).padStart(6, '0')}+00:00`;
  }
}

export interface BulkLineOptions {
  host: string;
  /** Extra characters appended to the line (a huge line, or a longer average). */
  pad?: string;
}

/** Line number `seq` (1-based). */
export function bulkLine(seq: number, clock: BulkClock, o: BulkLineOptions): string {
  const ts = clock.stamp(seq);
  const k = seq % 8;
  const i = seq % PATHS.length;
  if (k <= 3) {
    if (seq % 97 === 0) {
      return `${ts} heroku[router]: at=error code=H12 desc="Request timeout" method=GET path="${PATHS[i]}${seq}" host=${o.host} request_id=${seq.toString(16).padStart(8, '0')}-7d1e-4c1d-9e2f-0242ac120002 fwd="203.0.113.${seq % 250}" dyno=web.${1 + (seq % 2)} connect=0ms service=30000ms status=503 bytes=0 protocol=https${o.pad ?? ''}`;
    }
    const status = STATUS[seq % STATUS.length];
    return `${ts} heroku[router]: at=info method=${METHODS[i]} path="${PATHS[i]}${seq}" host=${o.host} request_id=${seq.toString(16).padStart(8, '0')}-7d1e-4c1d-9e2f-0242ac120002 fwd="203.0.113.${seq % 250}" dyno=web.${1 + (seq % 2)} connect=${seq % 3}ms service=${5 + (seq % 180)}ms status=${status} bytes=${400 + (seq % 9000)} protocol=https${o.pad ?? ''}`;
  }
  if (k <= 6) return `${ts} app[web.${1 + (seq % 2)}]: ${METHODS[i]} ${PATHS[i]}${seq} completed in ${3 + (seq % 90)}ms seq=${seq}${o.pad ?? ''}`;
  return `${ts} app[worker.1]: Processed SendInvoiceEmail job seq=${seq} in ${20 + (seq % 400)}ms${o.pad ?? ''}`;
}

const SEQ = /(?:seq=|path="\/[a-z/?=-]*?)(\d+)/;

/** The sequence number bulkLine put into a line, or undefined for any other line. */
export function seqOf(line: string): number | undefined {
  const m = SEQ.exec(line);
  return m ? Number(m[1]) : undefined;
}
