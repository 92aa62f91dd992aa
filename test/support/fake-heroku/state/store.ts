import { notFound } from '../http';
import { isoNow } from './ids';
import type {
  Account, Addon, App, Attachment, Coupling, Domain, Dyno, Formation, LogSession, Pipeline, Promotion, Release, Space, Team,
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
  /** Config vars per app id, in insertion order. */
  readonly configVars = new Map<string, Record<string, string>>();
  /** Value of `RateLimit-Remaining`; each API request uses one; at 0 requests get 429 rate_limit. */
  rateLimitRemaining = 4500;
  /** Seconds sent in `Retry-After` when the rate limit is exhausted. */
  rateLimitRetryAfter = 60;

  constructor(readonly clock: () => number = Date.now) {}

  now(): string {
    return isoNow(this.clock);
  }

  private byIdOrName<T extends { id: string; name: string }>(map: Map<string, T>, key: string, what: string): T {
    if (UUID.test(key)) {
      const hit = map.get(key.toLowerCase());
      if (hit) return hit;
    }
    for (const v of map.values()) if (v.name === key) return v;
    throw notFound(what);
  }

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
    for (const m of [this.formation, this.dynos, this.domains, this.releases, this.attachments, this.logSessions, this.couplings] as Map<string, { appId: string }>[]) {
      for (const [k, v] of m) if (v.appId === appId) m.delete(k);
    }
    for (const [k, a] of this.addons) if (a.appId === appId) this.addons.delete(k);
    this.configVars.delete(appId);
  }
}
