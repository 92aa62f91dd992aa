import demo from '../../fixtures/heroku/demo.json';
import { stableId } from './state/ids';
import { FakeState } from './state/store';
import type { App, DynoState, Stage } from './state/types';
import { seedReviewApps, seedTestRuns, type ReviewAppSeed, type TestRunSeed } from './seed-pipelines';
import { largePipelineWorld } from './seed-large';
import { seedReleases, seedSlugs, type ReleaseSeed } from './seed-releases';
import { xssWorld } from './seed-xss';

export type SeedName = 'demo' | 'empty' | 'xss' | 'large-pipeline';
export const SEED_NAMES: readonly SeedName[] = ['demo', 'empty', 'xss', 'large-pipeline'];

export interface AppSeed {
  name: string; team?: string; space?: string; region?: string; stack: string; maintenance?: boolean;
  /** `fir`: a next-generation app (stack `cnb`; one-off dynos over the SSH tunnel). Default cedar. */
  generation?: 'cedar' | 'fir';
  require_two_factor?: boolean; buildpacks?: string[]; created_at: string;
  formation: { type: string; quantity: number; size: string; command: string }[];
  dynos: { name: string; state: string }[];
  config: Record<string, string>; domains: string[]; releases: ReleaseSeed; features?: string[];
  /** Messages of the commits its slugs carry (a default list of a shop's commits otherwise). */
  commit_messages?: string[];
}

/** A whole world: the demo fixture's shape, also built by the xss and large-pipeline seeds. */
export interface WorldSeed {
  now: string;
  account: { email: string; name: string; two_factor_authentication: boolean; two_factor_code: string; created_at: string; default_team: string };
  teams: { name: string; role: string; created_at: string }[];
  spaces: { name: string; team: string; region: string; shield: boolean; created_at: string }[];
  apps: AppSeed[];
  addons: { name: string; app: string; plan: string; attach: { app: string; as: string }[]; config: Record<string, string> }[];
  pipelines: {
    name: string; team: string; created_at: string; couplings: { app: string; stage: string }[];
    review_apps?: ReviewAppSeed[]; test_runs?: TestRunSeed[];
  }[];
}

const data = demo as unknown as WorldSeed;

function addApp(state: FakeState, s: AppSeed): App {
  const team = s.team ? state.team(s.team) : null;
  const space = s.space ? state.space(s.space) : null;
  const app: App = {
    id: stableId(`app:${s.name}`), name: s.name, teamId: team?.id ?? null, spaceId: space?.id ?? null,
    region: space ? space.region : (s.region ?? 'us'), stack: s.stack, maintenance: s.maintenance ?? false,
    requireTwoFactor: s.require_two_factor ?? false, releasedAt: null, buildpacks: s.buildpacks ?? [], locked: false,
    repoSize: null, slugSize: s.stack === 'container' ? null : 52_428_800, acm: s.domains.length > 0,
    createdAt: s.created_at, updatedAt: s.created_at, ...(s.generation ? { generation: s.generation } : {}),
  };
  state.apps.set(app.id, app);
  Object.assign(state.config(app.id), s.config);
  state.features.set(app.id, new Set(s.features ?? []));
  for (const f of s.formation) {
    const id = stableId(`formation:${s.name}:${f.type}`);
    state.formation.set(id, { id, appId: app.id, ...f, createdAt: s.created_at, updatedAt: s.created_at });
  }
  const hosts = [`${s.name}-${app.id.slice(0, 12)}.herokuapp.com`, ...s.domains];
  hosts.forEach((hostname, i) => {
    const id = stableId(`domain:${s.name}:${hostname}`);
    const custom = i > 0;
    state.domains.set(id, {
      id, appId: app.id, hostname, kind: custom ? 'custom' : 'heroku',
      cname: custom ? `${stableId(hostname).slice(0, 8)}-${stableId(hostname).slice(9, 13)}.herokudns.com` : null,
      status: 'succeeded', createdAt: s.created_at, updatedAt: s.created_at,
    });
  });
  return app;
}

function finishApp(state: FakeState, s: AppSeed, app: App, now: number): void {
  const plans = [...state.addons.values()].filter((a) => a.appId === app.id).map((a) => a.plan);
  const releases = seedReleases(app, s.releases, state.config(app.id), plans, now);
  for (const r of releases) state.releases.set(r.id, r);
  const types = Object.fromEntries(s.formation.map((f) => [f.type, f.command]));
  for (const slug of seedSlugs(app, releases, types, s.commit_messages)) state.slugs.set(slug.id, slug);
  const current = state.currentRelease(app.id);
  app.releasedAt = current?.createdAt ?? null;
  for (const d of s.dynos) {
    const type = d.name.split('.')[0];
    const f = state.formationOf(app.id, type);
    const id = stableId(`dyno:${s.name}:${d.name}`);
    const at = new Date(now - 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    state.dynos.set(id, {
      id, appId: app.id, name: d.name, type, state: d.state as DynoState, size: f.size, command: f.command,
      releaseId: current?.id ?? null, createdAt: at, updatedAt: at,
    });
  }
}

/** Fills `state` with the demo world from test/fixtures/heroku/demo.json. */
export function seedDemo(state: FakeState): void {
  seedWorld(state, data);
}

/** Fills `state` with a world: account, teams, spaces, apps (formation, dynos, releases, slugs), add-ons, pipelines. */
export function seedWorld(state: FakeState, data: WorldSeed): void {
  seedAccount(state, data.account);
  const now = Date.parse(data.now);
  for (const t of data.teams) {
    const id = stableId(`team:${t.name}`);
    state.teams.set(id, { id, name: t.name, role: t.role as 'admin', createdAt: t.created_at, updatedAt: t.created_at });
  }
  state.account.defaultTeamId = state.team(data.account.default_team).id;
  for (const s of data.spaces) {
    const id = stableId(`space:${s.name}`);
    state.spaces.set(id, { id, name: s.name, teamId: state.team(s.team).id, region: s.region, shield: s.shield, createdAt: s.created_at, updatedAt: s.created_at });
  }
  const apps = data.apps.map((s) => ({ s, app: addApp(state, s) }));
  for (const a of data.addons) {
    const id = stableId(`addon:${a.name}`);
    const billing = state.app(a.app);
    state.addons.set(id, {
      id, name: a.name, appId: billing.id, service: a.plan.split(':')[0], plan: a.plan, state: 'provisioned',
      configVars: Object.keys(a.config), providerId: `resource${stableId(a.name).slice(0, 8)}@heroku.com`,
      createdAt: billing.createdAt, updatedAt: billing.createdAt,
    });
    for (const at of a.attach) {
      const app = state.app(at.app);
      const aid = stableId(`attachment:${a.name}:${at.app}`);
      state.attachments.set(aid, { id: aid, addonId: id, appId: app.id, name: at.as, namespace: null, createdAt: app.createdAt, updatedAt: app.createdAt });
      for (const [k, v] of Object.entries(a.config)) state.config(app.id)[k.replace(/^[A-Z]+(?=_)/, at.as)] = v;
    }
  }
  for (const { s, app } of apps) finishApp(state, s, app, now);
  for (const p of data.pipelines) {
    const id = stableId(`pipeline:${p.name}`);
    state.pipelines.set(id, { id, name: p.name, teamId: state.team(p.team).id, createdAt: p.created_at, updatedAt: p.created_at });
    for (const c of p.couplings) {
      const cid = stableId(`coupling:${p.name}:${c.app}`);
      state.couplings.set(cid, { id: cid, pipelineId: id, appId: state.app(c.app).id, stage: c.stage as Stage, createdAt: p.created_at, updatedAt: p.created_at });
    }
    seedReviewApps(state, state.pipeline(p.name), p.review_apps ?? []);
    seedTestRuns(state, state.pipeline(p.name), p.test_runs ?? []);
  }
}

/** Just the account (the `empty` seed). */
export function seedAccount(state: FakeState, a: WorldSeed['account'] = data.account): void {
  state.account = {
    id: stableId(`account:${a.email}`), email: a.email, name: a.name, twoFactor: a.two_factor_authentication,
    twoFactorCode: a.two_factor_code, defaultTeamId: null, createdAt: a.created_at, updatedAt: a.created_at,
  };
}

/** Adds `n` generated personal apps (`load-app-0001` ...) with a web dyno, a config var and one release. */
export function seedGeneratedApps(state: FakeState, n: number): void {
  const width = Math.max(4, String(n).length);
  for (let i = 1; i <= n; i++) {
    const name = `load-app-${String(i).padStart(width, '0')}`;
    const created = new Date(Date.parse('2024-01-01T00:00:00Z') + i * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const s: AppSeed = {
      name, region: i % 2 === 0 ? 'eu' : 'us', stack: i % 3 === 0 ? 'heroku-22' : 'heroku-24', created_at: created,
      formation: [{ type: 'web', quantity: 1, size: 'basic', command: 'npm start' }], dynos: [{ name: 'web.1', state: 'up' }],
      config: { APP_INDEX: String(i) }, domains: [], releases: { count: 1 },
    };
    const app = addApp(state, s);
    finishApp(state, s, app, Date.parse(created) + 3_600_000);
  }
}

export function seedState(state: FakeState, seed: SeedName, extraApps: number): void {
  if (seed === 'demo') seedDemo(state);
  else if (seed === 'xss') seedWorld(state, xssWorld());
  else if (seed === 'large-pipeline') seedWorld(state, largePipelineWorld());
  else seedAccount(state);
  if (extraApps > 0) seedGeneratedApps(state, extraApps);
  // Work the seed left due (finished CI runs, a review app being created) is done before anyone looks.
  state.settle();
}
