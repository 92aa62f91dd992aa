import { notFound } from '../http';
import { isoNow } from './ids';
import { completePromotion } from './promotion';
import type {
  Account, Addon, App, Attachment, Build, Coupling, Domain, Dyno, Formation, LogEvent, LogSession, Pipeline, Promotion, Release,
  ReviewApp, Slug, Source, Space, Team, TestRun,
} from './types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The fake's whole in-memory world. Plain records in Maps keyed by id; lookups by id-or-name throw Heroku's 404.
 * Tests may read and change it directly (`fake.state.apps`, `fake.state.rateLimitRemaining = 3`).
 */
export class FakeState {
  account!: Account;
  readonly teams = new Map<string, Team>();
  readonly spaces = new Map<string, Space>();
  readonly apps = new Map<string, App>();
  readonly formation = new Map<string, Formation>();
  readonly dynos = new Map<string, Dyno>();
  readonly addons = new Map<string, Addon>();
  readonly attachments = new Map<string, Attachment>();
  readonly domains = new Map<string, Domain>();
  readonly releases = new Map<string, Release>();
  readonly pipelines = new Map<string, Pipeline>();
  readonly couplings = new Map<string, Coupling>();
  readonly promotions = new Map<string, Promotion>();
  readonly logSessions = new Map<string, LogSession>();
  readonly slugs = new Map<string, Slug>();
  /** Uploaded source blobs by id (their bytes are not in GET /__fake/state, only their size). */
  readonly sources = new Map<string, Source>();
  /** Builds made with POST /apps/{app}/builds (seeded deploys are derived from releases instead). */
  readonly builds = new Map<string, Build>();
  readonly reviewApps = new Map<string, ReviewApp>();
  readonly testRuns = new Map<string, TestRun>();
  /** Platform events per app id (restarts, releases, scaling) that log streams replay and tail. */
  readonly logEvents = new Map<string, LogEvent[]>();
  /** App features (labs) switched on, per app id. */
  readonly features = new Map<string, Set<string>>();
  /** Config vars per app id, in insertion order. */
  readonly configVars = new Map<string, Record<string, string>>();
  /** Value of `RateLimit-Remaining`; each API request uses one; at 0 requests get 429 rate_limit. */
  rateLimitRemaining = 4500;
  /** Seconds sent in `Retry-After` when the rate limit is exhausted. */
  rateLimitRetryAfter = 60;
  /** How long a restarted or newly scaled dyno stays `starting` before it is `up`. */
  dynoBootMs = 1500;
  /** How long a pipeline promotion stays `pending`; 0 = done by the next request. */
  promotionMs = 0;
  /** Promotion targets that fail, by app name, with the target's error message. */
  promotionFailures: Record<string, string> = {};
  /** Time between lines of build output (steps that take longer use a few); 0 = a build is done by the next request. */
  buildStepMs = 250;
  /** Time between lines of release-phase output. */
  releasePhaseStepMs = 400;
  /** Apps (names or ids; `*` = all) whose release phase fails; it also fails when the command holds `exit N` (N > 0). */
  releasePhaseFailures: string[] = [];
  /** Time between lines of Heroku CI output. */
  testRunStepMs = 300;
  /** Outcome of test runs created with POST /test-runs. */
  testRunResult: 'succeeded' | 'failed' = 'succeeded';
  /** How long a review app takes from `creating` to `created`. */
  reviewAppMs = 3000;
  /** How long an attachable one-off dyno waits for its client before it gives up (R13). */
  attachTimeoutMs = 60_000;

  constructor(readonly clock: () => number = Date.now) {}

  now(): string {
    return isoNow(this.clock);
  }

  /** Work due at a clock time (builds, release phases, review apps, CI runs), carried out lazily by settle(). */
  private readonly due: { at: number; seq: number; run: () => void }[] = [];
  private dueSeq = 0;

  schedule(at: number, run: () => void): void {
    this.due.push({ at, seq: ++this.dueSeq, run });
  }

  /**
   * Brings the world up to the clock (called before each request and by streams): due work in time order, then
   * `starting` dynos whose boot time has passed go `up`.
   */
  settle(): void {
    const t = this.clock();
    for (;;) {
      const ready = this.due.filter((d) => d.at <= t);
      if (ready.length === 0) break;
      const first = ready.reduce((a, b) => (a.at < b.at || (a.at === b.at && a.seq < b.seq) ? a : b));
      this.due.splice(this.due.indexOf(first), 1);
      first.run();
    }
    for (const p of this.promotions.values()) if (p.status === 'pending' && p.dueAt <= t) completePromotion(this, p);
    for (const d of this.dynos.values()) {
      if (d.state === 'starting' && d.upAt !== undefined && d.upAt <= t) {
        d.state = 'up';
        d.upAt = undefined;
        d.updatedAt = this.now();
        this.emitLog(d.appId, 'heroku', d.name, 'State changed from starting to up');
      }
    }
  }

  private byIdOrName<T extends { id: string; name: string }>(map: Map<string, T>, key: string, what: string): T {
    if (UUID.test(key)) {
      const hit = map.get(key.toLowerCase());
      if (hit) return hit;
    }
    for (const v of map.values()) if (v.name === key) return v;
    throw notFound(what);
  }

  /**
   * Appends one log line for an app (bounded to the newest 1500, like Heroku's log buffer): platform events and the
   * output of detached one-off dynos. Log streams replay and tail these.
   */
  emitLog(appId: string, source: 'app' | 'heroku', dyno: string, message: string): void {
    let list = this.logEvents.get(appId);
    if (!list) {
      list = [];
      this.logEvents.set(appId, list);
    }
    list.push({ seq: ++this.logSeq, time: this.clock(), source, dyno, message });
    if (list.length > 1500) list.splice(0, list.length - 1500);
  }

  private logSeq = 0;

  app(key: string): App {
    return this.byIdOrName(this.apps, key, 'app');
  }

  team(key: string): Team {
    return this.byIdOrName(this.teams, key, 'team');
  }

  space(key: string): Space {
    return this.byIdOrName(this.spaces, key, 'space');
  }

  pipeline(key: string): Pipeline {
    return this.byIdOrName(this.pipelines, key, 'pipeline');
  }

  /** The slug an app can read: its own, or one a release of it runs (promotions share the source's slug). */
  slug(appId: string, key: string): Slug {
    const s = this.slugs.get(key.toLowerCase());
    if (s && (s.appId === appId || this.releasesOf(appId).some((r) => r.slugId === s.id))) return s;
    throw notFound('slug');
  }

  addon(key: string): Addon {
    return this.byIdOrName(this.addons, key, 'add-on');
  }

  appsOf<T extends { appId: string }>(map: Map<string, T>, appId: string): T[] {
    return [...map.values()].filter((x) => x.appId === appId);
  }

  formationOf(appId: string, type: string): Formation {
    const f = this.appsOf(this.formation, appId).find((x) => x.type === type || x.id === type);
    if (!f) throw notFound('formation');
    return f;
  }

  releasesOf(appId: string): Release[] {
    return this.appsOf(this.releases, appId).sort((a, b) => a.version - b.version);
  }

  /** The app's current release: the newest succeeded one. */
  currentRelease(appId: string): Release | undefined {
    return this.releasesOf(appId).filter((r) => r.status === 'succeeded').pop();
  }

  release(appId: string, key: string): Release {
    const rels = this.releasesOf(appId);
    const hit = /^v?\d+$/.test(key) ? rels.find((r) => r.version === Number(key.replace(/^v/, ''))) : rels.find((r) => r.id === key.toLowerCase());
    if (!hit) throw notFound('release');
    return hit;
  }

  config(appId: string): Record<string, string> {
    let c = this.configVars.get(appId);
    if (!c) {
      c = {};
      this.configVars.set(appId, c);
    }
    return c;
  }

  couplingOf(appId: string): Coupling | undefined {
    return [...this.couplings.values()].find((c) => c.appId === appId);
  }

  /** Removes an app and everything that belongs to it. */
  deleteApp(appId: string): void {
    this.apps.delete(appId);
    for (const m of [this.formation, this.dynos, this.domains, this.releases, this.attachments, this.logSessions, this.couplings, this.builds] as Map<string, { appId: string }>[]) {
      for (const [k, v] of m) if (v.appId === appId) m.delete(k);
    }
    for (const [k, a] of this.addons) if (a.appId === appId) this.addons.delete(k);
    this.configVars.delete(appId);
    this.features.delete(appId);
    this.logEvents.delete(appId);
    for (const ra of this.reviewApps.values()) {
      if (ra.appId !== appId) continue;
      ra.appId = null;
      ra.status = 'deleted';
    }
  }
}
