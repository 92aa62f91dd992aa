// Numbered log lines for the bulk mode (benchmarks, loss counting): a realistic mix of router lines (mostly 200s,
// some 201/302/304/404/500, an H12 now and then), web and worker app lines, ~190 characters. Each carries its
// sequence number where seqOf() finds it, so a reader can count lost and duplicated lines. Pure, and cheap per line:
// the parts that do not depend on the number are built once, so the fake can outrun the reader it measures.

const PATHS = ['/api/items/', '/orders/', '/assets/app-', '/users/', '/search?q=', '/healthz?n='];
const METHODS = ['GET', 'GET', 'POST', 'GET', 'GET', 'GET'];
const STATUS = ['200', '200', '201', '304', '200', '200', '404', '200', '200', '500', '200', '302'];
/** Router-line endings vary with seq % TAILS (fwd, dyno, timings, status, bytes). */
const TAILS = 997;
const THOUSAND = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/** `2026-11-24T08:00:00.123456+00:00`: one millisecond per 1000 lines from `baseMs`, microseconds from the number. */
export class BulkClock {
  private prefixMs = -1;
  private prefix = '';
  private readonly suffixes = THOUSAND.map((d) => `${d}+00:00`);

  constructor(private readonly baseMs: number) {}

  stamp(seq: number): string {
    const ms = this.baseMs + Math.floor(seq / 1000);
    if (ms !== this.prefixMs) {
      this.prefixMs = ms;
      this.prefix = new Date(ms).toISOString().slice(0, 23);
    }
    return this.prefix + this.suffixes[seq % 1000];
  }
}

export interface BulkLineOptions {
  host: string;
  /** Extra characters appended to the line (a huge line, or a longer average). */
  pad?: string;
}

/** The parts of router lines that do not depend on the line's own number, for one host. */
class RouterParts {
  readonly heads = PATHS.map((p, i) => ` heroku[router]: at=info method=${METHODS[i]} path="${p}`);
  readonly hosts: string;
  readonly tails: string[] = [];

  constructor(host: string) {
    this.hosts = `" host=${host} request_id=`;
    for (let v = 0; v < TAILS; v++) {
      this.tails.push(`-7d1e-4c1d-9e2f-0242ac120002 fwd="203.0.113.${v % 250}" dyno=web.${1 + (v % 2)} connect=${v % 3}ms service=${5 + (v % 180)}ms status=${STATUS[v % STATUS.length]} bytes=${400 + ((v * 37) % 9000)} protocol=https`);
    }
  }
}

const partsByHost = new Map<string, RouterParts>();

/** Line number `seq` (1-based). */
export function bulkLine(seq: number, clock: BulkClock, o: BulkLineOptions): string {
  const ts = clock.stamp(seq);
  const k = seq % 8;
  const i = seq % PATHS.length;
  const pad = o.pad ?? '';
  if (k <= 3) {
    if (seq % 97 === 0) {
      return `${ts} heroku[router]: at=error code=H12 desc="Request timeout" method=GET path="${PATHS[i]}${seq}" host=${o.host} request_id=${seq.toString(16)}-7d1e-4c1d-9e2f-0242ac120002 fwd="203.0.113.${seq % 250}" dyno=web.${1 + (seq % 2)} connect=0ms service=30000ms status=503 bytes=0 protocol=https${pad}`;
    }
    let p = partsByHost.get(o.host);
    if (!p) {
      p = new RouterParts(o.host);
      partsByHost.set(o.host, p);
    }
    return ts + p.heads[i] + seq + p.hosts + seq.toString(16) + p.tails[seq % TAILS] + pad;
  }
  if (k <= 6) return `${ts} app[web.${1 + (seq % 2)}]: ${METHODS[i]} ${PATHS[i]}${seq} completed in ${3 + (seq % 90)}ms seq=${seq}${pad}`;
  return `${ts} app[worker.1]: Processed SendInvoiceEmail job seq=${seq} in ${20 + (seq % 400)}ms${pad}`;
}

const SEQ = /(?:seq=|path="\/[a-z/?=-]*?)(\d+)/;

/** The sequence number bulkLine put into a line, or undefined for any other line. */
export function seqOf(line: string): number | undefined {
  const m = SEQ.exec(line);
  return m ? Number(m[1]) : undefined;
}
