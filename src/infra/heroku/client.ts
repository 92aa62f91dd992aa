// The Platform API client every Heroku feature uses (core's HerokuApi port, and more). Each method returns a Result
// (never throws for HTTP, network or parse failures) whose value the resource's decoder (src/core/heroku/decode)
// has checked: a body of the wrong shape is a `malformed_response` error, and list items without the fields they
// need are left out and counted in `skipped`. Lists follow `Next-Range` to the end; GETs revalidate with ETags,
// so an unchanged refresh costs 304s and comes back with `notModified: true`.
import type { CallOptions, HerokuApi } from '../../core/heroku/api';
import * as decode from '../../core/heroku/decode/resources';
import { decodeEntries, decodeItems, str, type Decoder } from '../../core/heroku/decode/kit';
import { fail, ok, type Result } from '../../core/heroku/result';
import type {
  Account, AddOn, AddOnAttachment, App, ConfigVars, ConfigVarsPatch, Domain, Dyno, DynoSize, Formation, FormationUpdate,
  LogSession, LogSessionRequest, Pipeline, PipelineCoupling, PipelinePromotion, PipelinePromotionTarget, PromotionRequest,
  PipelineRelease, Release, ReviewApp, Slug, Team, TeamApp, TestNode, TestRun, Source, Build, BuildRequest, DynoCreateRequest,
} from '../../core/heroku/types';
import { malformed } from './response';
import { HerokuTransport, type ApiVariant, type Method, type Page, type TransportOptions } from './transport';

export type HerokuClientOptions = TransportOptions;
export type { CallOptions };

/** `Range: id ..; max=1000`: the largest page Heroku serves. */
export const FULL_RANGE = 'id ..; max=1000';
const MAX_PAGES = 500;

const seg = (s: string): string => encodeURIComponent(s);

export class HerokuClient implements HerokuApi {
  readonly transport: HerokuTransport;

  constructor(private readonly opts: HerokuClientOptions) {
    this.transport = new HerokuTransport(opts);
  }

  get baseUrl(): string {
    return this.transport.baseUrl;
  }

  get rateLimitRemaining(): number | undefined {
    return this.transport.rateLimitRemaining;
  }

  onRateLimit(listener: (remaining: number) => void): { dispose(): void } {
    return this.transport.onRateLimit(listener);
  }

  // ---- account, apps, teams
  account(o?: CallOptions): Promise<Result<Account>> { return this.one('GET', '/account', decode.account, o); }
  apps(o?: CallOptions): Promise<Result<App[]>> { return this.list('/apps', decode.app, o); }
  app(app: string, o?: CallOptions): Promise<Result<App>> { return this.one('GET', `/apps/${seg(app)}`, decode.app, o); }
  updateApp(app: string, patch: { maintenance?: boolean; name?: string }, o?: CallOptions): Promise<Result<App>> {
    return this.one('PATCH', `/apps/${seg(app)}`, decode.app, o, patch);
  }
  teams(o?: CallOptions): Promise<Result<Team[]>> { return this.list('/teams', decode.team, o); }
  teamApps(team: string, o?: CallOptions): Promise<Result<TeamApp[]>> { return this.list(`/teams/${seg(team)}/apps`, decode.teamApp, o); }

  // ---- formation and dynos
  formation(app: string, o?: CallOptions): Promise<Result<Formation[]>> { return this.list(`/apps/${seg(app)}/formation`, decode.formation, o); }
  updateFormation(app: string, updates: FormationUpdate[], o?: CallOptions): Promise<Result<Formation[]>> {
    const body = { updates: updates.map((u) => formationBody(u, true)) };
    return this.many('PATCH', `/apps/${seg(app)}/formation`, decode.formation, o, body);
  }
  updateFormationType(app: string, type: string, update: Omit<FormationUpdate, 'type'>, o?: CallOptions): Promise<Result<Formation>> {
    return this.one('PATCH', `/apps/${seg(app)}/formation/${seg(type)}`, decode.formation, o, formationBody({ type, ...update }, false));
  }
  availableDynoSizes(app: string, o?: CallOptions): Promise<Result<DynoSize[]>> {
    return this.list(`/apps/${seg(app)}/available-dyno-sizes`, decode.dynoSize, o);
  }
  dynos(app: string, o?: CallOptions): Promise<Result<Dyno[]>> { return this.list(`/apps/${seg(app)}/dynos`, decode.dyno, o, '3.sdk'); }
  dyno(app: string, dyno: string, o?: CallOptions): Promise<Result<Dyno>> {
    return this.one('GET', `/apps/${seg(app)}/dynos/${seg(dyno)}`, decode.dyno, o, undefined, '3.sdk');
  }
  restartAll(app: string, o?: CallOptions): Promise<Result<void>> { return this.empty('DELETE', `/apps/${seg(app)}/dynos`, o); }
  restartType(app: string, type: string, o?: CallOptions): Promise<Result<void>> {
    return this.empty('DELETE', `/apps/${seg(app)}/formations/${seg(type)}`, o);
  }
  restartDyno(app: string, dyno: string, o?: CallOptions): Promise<Result<void>> {
    return this.empty('DELETE', `/apps/${seg(app)}/dynos/${seg(dyno)}`, o);
  }
  stopDyno(app: string, dyno: string, o?: CallOptions): Promise<Result<void>> {
    return this.empty('POST', `/apps/${seg(app)}/dynos/${seg(dyno)}/actions/stop`, o);
  }

  // ---- add-ons, releases, config, domains
  addons(app: string, o?: CallOptions): Promise<Result<AddOn[]>> { return this.list(`/apps/${seg(app)}/addons`, decode.addon, o, '3.sdk'); }
  attachments(app: string, o?: CallOptions): Promise<Result<AddOnAttachment[]>> {
    return this.list(`/apps/${seg(app)}/addon-attachments`, decode.attachment, o, '3.sdk');
  }
  /** The latest `limit` releases, newest first (one request: `Range: version ..; max=N, order=desc`). */
  async releases(app: string, limit = 20, o?: CallOptions): Promise<Result<Release[]>> {
    const max = Math.max(1, Math.min(1000, Math.floor(limit)));
    const r = await this.many('GET', `/apps/${seg(app)}/releases`, decode.release, o, undefined, '3.sdk', `version ..; max=${max}, order=desc`);
    return r.ok ? { ...r, value: r.value.slice(0, max) } : r;
  }
  release(app: string, idOrVersion: string, o?: CallOptions): Promise<Result<Release>> {
    return this.one('GET', `/apps/${seg(app)}/releases/${seg(idOrVersion)}`, decode.release, o, undefined, '3.sdk');
  }
  rollback(app: string, releaseId: string, o?: CallOptions): Promise<Result<Release>> {
    return this.one('POST', `/apps/${seg(app)}/releases`, decode.release, o, { release: releaseId }, '3.sdk');
  }
  configVars(app: string, o?: CallOptions): Promise<Result<ConfigVars>> { return this.config('GET', `/apps/${seg(app)}/config-vars`, o); }
  updateConfigVars(app: string, patch: ConfigVarsPatch, o?: CallOptions): Promise<Result<ConfigVars>> {
    return this.config('PATCH', `/apps/${seg(app)}/config-vars`, o, patch);
  }
  domains(app: string, o?: CallOptions): Promise<Result<Domain[]>> { return this.list(`/apps/${seg(app)}/domains`, decode.domain, o); }

  // ---- pipelines and logs
  pipelines(o?: CallOptions): Promise<Result<Pipeline[]>> { return this.list('/pipelines', decode.pipeline, o); }
  pipeline(idOrName: string, o?: CallOptions): Promise<Result<Pipeline>> { return this.one('GET', `/pipelines/${seg(idOrName)}`, decode.pipeline, o); }
  pipelineCouplings(pipelineId: string, o?: CallOptions): Promise<Result<PipelineCoupling[]>> {
    return this.list(`/pipelines/${seg(pipelineId)}/pipeline-couplings`, decode.coupling, o);
  }
  allPipelineCouplings(o?: CallOptions): Promise<Result<PipelineCoupling[]>> { return this.list('/pipeline-couplings', decode.coupling, o); }
  appPipelineCoupling(app: string, o?: CallOptions): Promise<Result<PipelineCoupling>> {
    return this.one('GET', `/apps/${seg(app)}/pipeline-couplings`, decode.coupling, o);
  }
  createPromotion(p: PromotionRequest, o?: CallOptions): Promise<Result<PipelinePromotion>> {
    const source: Record<string, unknown> = { app: { id: p.sourceAppId } };
    if (p.sourceReleaseId) source.release = { id: p.sourceReleaseId };
    const body = { pipeline: { id: p.pipelineId }, source, targets: p.targetAppIds.map((id) => ({ app: { id } })) };
    return this.one('POST', '/pipeline-promotions', decode.promotion, o, body);
  }
  promotionTargets(promotionId: string, o?: CallOptions): Promise<Result<PipelinePromotionTarget[]>> {
    return this.list(`/pipeline-promotions/${seg(promotionId)}/promotion-targets`, decode.promotionTarget, o);
  }
  pipelineLatestReleases(pipelineId: string, o?: CallOptions): Promise<Result<PipelineRelease[]>> {
    return this.list(`/pipelines/${seg(pipelineId)}/latest-releases`, decode.pipelineRelease, o, '3.sdk');
  }
  reviewApps(pipelineId: string, o?: CallOptions): Promise<Result<ReviewApp[]>> {
    return this.list(`/pipelines/${seg(pipelineId)}/review-apps`, decode.reviewApp, o);
  }
  testRuns(pipelineId: string, o?: CallOptions): Promise<Result<TestRun[]>> { return this.list(`/pipelines/${seg(pipelineId)}/test-runs`, decode.testRun, o); }
  testNodes(testRunId: string, o?: CallOptions): Promise<Result<TestNode[]>> { return this.list(`/test-runs/${seg(testRunId)}/test-nodes`, decode.testNode, o); }
  slug(app: string, slugId: string, o?: CallOptions): Promise<Result<Slug>> {
    return this.one('GET', `/apps/${seg(app)}/slugs/${seg(slugId)}`, decode.slug, o);
  }
  createSource(app: string, o?: CallOptions): Promise<Result<Source>> { return this.one('POST', `/apps/${seg(app)}/sources`, decode.source, o); }
  createBuild(app: string, req: BuildRequest, o?: CallOptions): Promise<Result<Build>> {
    return this.one('POST', `/apps/${seg(app)}/builds`, decode.build, o, req);
  }
  build(app: string, buildId: string, o?: CallOptions): Promise<Result<Build>> {
    return this.one('GET', `/apps/${seg(app)}/builds/${seg(buildId)}`, decode.build, o);
  }
  cancelBuild(app: string, buildId: string, o?: CallOptions): Promise<Result<void>> {
    return this.empty('DELETE', `/apps/${seg(app)}/builds/${seg(buildId)}`, o);
  }
  createDyno(app: string, req: DynoCreateRequest, o?: CallOptions): Promise<Result<Dyno>> {
    return this.one('POST', `/apps/${seg(app)}/dynos`, decode.dyno, o, req, '3.sdk');
  }
  createLogSession(app: string, req: LogSessionRequest, o?: CallOptions): Promise<Result<LogSession>> {
    return this.one('POST', `/apps/${seg(app)}/log-sessions`, decode.logSession, o, req, '3.sdk');
  }

  // ---- generic helpers (public so features can reach endpoints not wrapped above, with a decoder of their own)
  async one<T>(method: Method, path: string, decoder: Decoder<T>, o?: CallOptions, body?: unknown, variant?: ApiVariant): Promise<Result<T>> {
    const r = await this.transport.page<unknown>({ method, path, body, variant, ...o });
    if (!r.ok) return r;
    const value = decoder(r.value.value);
    if (value === undefined) return fail(malformed(method, path, decoder.what ?? 'the request', describeMiss(r.value.value, 'object')));
    return ok(value, { notModified: r.value.notModified });
  }

  /** One page of a list (a PATCH that answers a list, or a GET with its own Range). */
  async many<T>(method: Method, path: string, item: Decoder<T>, o?: CallOptions, body?: unknown, variant?: ApiVariant, range?: string): Promise<Result<T[]>> {
    const r = await this.transport.page<unknown>({ method, path, body, variant, range, ...o });
    if (!r.ok) return r;
    const list = this.items(method, path, item, r.value.value);
    return list.ok ? ok(list.value.items, { notModified: r.value.notModified, skipped: list.value.skipped }) : list;
  }

  async empty(method: Method, path: string, o?: CallOptions, body?: unknown, variant?: ApiVariant): Promise<Result<void>> {
    const r = await this.transport.page<unknown>({ method, path, body, variant, ...o });
    return r.ok ? ok(undefined) : r;
  }

  /** GET every page of a list, following `Next-Range` from `Range: id ..; max=1000`. */
  async list<T>(path: string, item: Decoder<T>, o?: CallOptions, variant?: ApiVariant, range = FULL_RANGE): Promise<Result<T[]>> {
    const items: T[] = [];
    let skipped = 0;
    let allCached = true;
    let current: string | undefined = range;
    for (let pages = 0; current !== undefined; pages++) {
      if (pages >= MAX_PAGES) return fail(malformed('GET', path, 'a list', `it kept sending more pages; stopped after ${MAX_PAGES}`, 206));
      const r: Result<Page<unknown>> = await this.transport.page<unknown>({ method: 'GET', path, variant, range: current, ...o });
      if (!r.ok) return r;
      const page = this.items('GET', path, item, r.value.value);
      if (!page.ok) return page;
      items.push(...page.value.items);
      skipped += page.value.skipped;
      allCached &&= r.value.notModified;
      const next: string | undefined = r.value.nextRange;
      current = next !== undefined && next !== current ? next : undefined;
    }
    return ok(items, { notModified: allCached, skipped });
  }

  private items<T>(method: Method, path: string, item: Decoder<T>, body: unknown): Result<{ items: T[]; skipped: number }> {
    const list = decodeItems(body, item);
    if (!list) return fail(malformed(method, path, `a list of ${item.what ?? 'items'}`, describeMiss(body, 'list')));
    if (list.skipped) this.opts.trace?.(`${method} ${path}: left out ${list.skipped} ${item.what ?? 'item'}(s) without the fields they need`);
    return ok(list);
  }

  /** Config vars: an object of strings; values that are not text are left out and counted. */
  private async config(method: Method, path: string, o?: CallOptions, body?: unknown): Promise<Result<ConfigVars>> {
    const r = await this.transport.page<unknown>({ method, path, body, ...o });
    if (!r.ok) return r;
    const vars = decodeEntries(r.value.value, str);
    if (!vars) return fail(malformed(method, path, 'config vars', describeMiss(r.value.value, 'object')));
    if (vars.skipped) this.opts.trace?.(`${method} ${path}: left out ${vars.skipped} config value(s) that are not text`);
    return ok(vars.entries, { notModified: r.value.notModified, skipped: vars.skipped });
  }
}

/** Why a body did not fit, in a few words. */
function describeMiss(body: unknown, expected: 'object' | 'list'): string {
  const got = body === null ? 'null' : Array.isArray(body) ? 'a list' : typeof body === 'object' ? 'an object' : typeof body;
  if (expected === 'list') return `expected a list, got ${got}`;
  return got === 'an object' ? 'fields it needs are missing or of another type' : `expected an object, got ${got}`;
}

/** `size` as a string, as the Heroku CLI sends it (the schema's `dyno_size: {name}` is the newer spelling). */
function formationBody(u: FormationUpdate, withType: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = withType ? { type: u.type } : {};
  if (u.quantity !== undefined) body.quantity = u.quantity;
  if (u.size !== undefined) body.size = u.size;
  return body;
}
