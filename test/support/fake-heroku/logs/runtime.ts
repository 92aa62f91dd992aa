// The fake logplex's own state, beside the Platform API state: live streams, session expiry, and per-app scripts
// (bulk mode, connection faults) that tests set in process (`fake.logs`) or over HTTP (`/__fake/logs`).
import type { ServerResponse } from 'node:http';
import { invalidParams } from '../http';
import type { FakeState } from '../state/store';
import type { LogSession } from '../state/types';
import { BulkApp, type BulkStats } from './bulk';
import type { LineWriter, WriterFaults } from './writer';

/** What an app's log stream does. Every field is optional; `{}` is the demo story with no faults. */
export interface LogScript {
  /** `demo` (default): the app's story, then generated traffic. `bulk`: numbered lines as fast as they are read. */
  mode?: 'demo' | 'bulk';
  /** bulk: lines the app writes in all (default 1,000,000). */
  count?: number;
  /** bulk: end each stream once the app wrote everything (default: a tail stays open, silent). */
  end?: boolean;
  /** bulk: lines written while nobody reads, after each drop (they are in the replay buffer only). */
  gapLines?: number;
  /** bulk: line `seq` is padded to `hugeLineBytes` (default 1 MiB). */
  hugeLineAt?: number;
  hugeLineBytes?: number;
  /** Cut each connection mid-line after this many lines, for the first `drops` connections (default all). */
  dropAfterLines?: number;
  drops?: number;
  /** Go silent (connection open) after this many lines, for the first `silences` connections (default all). */
  silenceAfterLines?: number;
  silences?: number;
  /** Lines whose id is a multiple of this carry invalid UTF-8 bytes. */
  invalidUtf8Every?: number;
  /** Serve sessions as Fir does: always tailing, no history (`lines` and `tail` are ignored). */
  fir?: boolean;
}

const DEFAULT_TTL_MS = 5 * 60_000;

const NUMBER_KEYS = ['count', 'gapLines', 'hugeLineAt', 'hugeLineBytes', 'dropAfterLines', 'drops', 'silenceAfterLines', 'silences', 'invalidUtf8Every'] as const;

export function validateLogScript(v: unknown): LogScript {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw invalidParams('A log script is an object.');
  const s = v as Record<string, unknown>;
  if (s.mode !== undefined && s.mode !== 'demo' && s.mode !== 'bulk') throw invalidParams('mode must be "demo" or "bulk".');
  for (const k of NUMBER_KEYS) {
    if (s[k] !== undefined && (typeof s[k] !== 'number' || !Number.isInteger(s[k]) || (s[k] as number) < 0)) throw invalidParams(`${k} must be a non-negative integer.`);
  }
  for (const k of ['end', 'fir'] as const) {
    if (s[k] !== undefined && typeof s[k] !== 'boolean') throw invalidParams(`${k} must be a boolean.`);
  }
  return s as LogScript;
}

interface AppLogs {
  script: LogScript;
  bulk?: BulkApp;
  dropsLeft: number;
  silencesLeft: number;
}

/** In-process control of the fake logplex (`fake.logs`). */
export interface LogControl {
  /** Sets an app's script (replacing the previous one and its bulk counters). */
  script(app: string, script: LogScript): void;
  /** The bulk counters of an app (zeros when it is not in bulk mode). */
  stats(app: string): BulkStats;
  /** Every session created so far answers 404 (or `status`) from now on; with `cut`, their open streams are cut too. */
  expireSessions(opts?: { status?: 404 | 410; cut?: boolean }): void;
  /** How long a new session's logplex_url can be opened (default 5 minutes). */
  sessionTtlMs: number;
  /** Open log streams right now. */
  readonly openStreams: number;
  /** Writes raw lines to every open stream of the app at once (as logplex broadcasts); returns how many streams. */
  publish(app: string, lines: string[]): number;
}

export class LogRuntime implements LogControl {
  readonly streams = new Set<ServerResponse>();
  private readonly writers = new Map<string, Set<LineWriter>>();
  private published = 0;
  private readonly apps = new Map<string, AppLogs>();
  private readonly expired = new Map<string, 404 | 410>();
  sessionTtlMs = DEFAULT_TTL_MS;

  constructor(readonly logIntervalMs: number, private readonly state: () => FakeState, private readonly host: (app: string) => string) {}

  reset(): void {
    this.apps.clear();
    this.expired.clear();
    this.sessionTtlMs = DEFAULT_TTL_MS;
  }

  get openStreams(): number {
    return this.streams.size;
  }

  script(app: string, script: LogScript): void {
    const s = validateLogScript(script);
    this.apps.set(app, {
      script: s,
      bulk: s.mode === 'bulk' ? new BulkApp(this.host(app), s.count ?? 1_000_000, s) : undefined,
      dropsLeft: s.drops ?? Infinity,
      silencesLeft: s.silences ?? Infinity,
    });
  }

  stats(app: string): BulkStats {
    return { ...(this.apps.get(app)?.bulk?.stats ?? { emitted: 0, written: 0, cut: 0, drops: 0, connections: 0 }) };
  }

  scriptOf(app: string): LogScript {
    return this.apps.get(app)?.script ?? {};
  }

  bulkOf(app: string): BulkApp | undefined {
    return this.apps.get(app)?.bulk;
  }

  /** The faults for a new connection to `app` (uses up one drop and one silence). */
  faultsFor(app: string): WriterFaults {
    const a = this.apps.get(app);
    if (!a) return {};
    const f: WriterFaults = { invalidUtf8Every: a.script.invalidUtf8Every };
    if (a.script.dropAfterLines !== undefined && a.dropsLeft > 0) {
      a.dropsLeft--;
      f.dropAfterLines = a.script.dropAfterLines;
    }
    if (a.script.silenceAfterLines !== undefined && a.silencesLeft > 0) {
      a.silencesLeft--;
      f.silenceAfterLines = a.script.silenceAfterLines;
    }
    return f;
  }

  expireSessions(opts: { status?: 404 | 410; cut?: boolean } = {}): void {
    for (const token of this.state().logSessions.keys()) this.expired.set(token, opts.status ?? 404);
    if (opts.cut) for (const res of this.streams) res.socket?.destroy();
  }

  /** 404/410 when the session can no longer be opened (expired by a test, or older than sessionTtlMs). */
  expiredStatus(s: LogSession): 404 | 410 | undefined {
    const marked = this.expired.get(s.token);
    if (marked) return marked;
    return this.state().clock() - Date.parse(s.createdAt) > this.sessionTtlMs ? 404 : undefined;
  }

  track(app: string, res: ServerResponse, writer: LineWriter): void {
    this.streams.add(res);
    const set = this.writers.get(app) ?? new Set<LineWriter>();
    set.add(writer);
    this.writers.set(app, set);
    res.on('close', () => {
      this.streams.delete(res);
      set.delete(writer);
    });
  }

  publish(app: string, lines: string[]): number {
    const set = this.writers.get(app) ?? new Set<LineWriter>();
    const id = 1_000_000 + this.published;
    this.published += lines.length;
    for (const w of set) void w.write(lines, id);
    return set.size;
  }

  /** Ends every open stream (the fake is closing). */
  endAll(): void {
    for (const res of this.streams) res.end();
  }
}
