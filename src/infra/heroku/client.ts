// The typed Platform API client every Heroku feature uses. Each method returns a Result (never throws for
// HTTP, network or parse failures). Lists follow `Next-Range` to the end; GETs revalidate with ETags, so an
// unchanged refresh costs 304s and comes back with `notModified: true`.
import { fail, ok, type Result } from '../../core/heroku/result';
import { expectShape } from './response';
import { HerokuTransport, type ApiVariant, type Method, type Page, type TransportOptions } from './transport';
import type {
  Account, AddOn, AddOnAttachment, App, ConfigVars, ConfigVarsPatch, Domain, Dyno, Formation, FormationUpdate,
  LogSession, LogSessionRequest, Pipeline, PipelineCoupling, PipelinePromotion, PipelinePromotionTarget, PromotionRequest, Release, Team,
  TeamApp,
} from '../../core/heroku/types';

export type HerokuClientOptions = TransportOptions;

export interface CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  /** false skips the ETag cache (always a full answer). */
  cache?: boolean;
}

/** `Range: id ..; max=1000`: the largest page Heroku serves. */
export const FULL_RANGE = 'id ..; max=1000';
const MAX_PAGES = 500;

const seg = (s: string): string => encodeURIComponent(s);

export class HerokuClient {
  readonly transport: HerokuTransport;

  constructor(opts: HerokuClientOptions) {
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
  account(o?: CallOptions): Promise<Result<Account>> { return this.one('GET', '/account', o); }
  apps(o?: CallOptions): Promise<Result<App[]>> { return this.list('/apps', o); }
  app(app: string, o?: CallOptions): Promise<Result<App>> { return this.one('GET', `/apps/${seg(app)}`, o); }
  updateApp(app: string, patch: { maintenance?: boolean; name?: string }, o?: CallOptions): Promise<Result<App>> {
    return this.one('PATCH', `/apps/${seg(app)}`, o, patch);
  }
  teams(o?: CallOptions): Promise<Result<Team[]>> { return this.list('/teams', o); }
  teamApps(team: string, o?: CallOptions): Promise<Result<TeamApp[]>> { return this.list(`/teams/${seg(team)}/apps`, o); }

  // ---- formation and dynos
  formation(app: string, o?: CallOptions): Promise<Result<Formation[]>> { return this.list(`/apps/${seg(app)}/formation`, o); }
  updateFormation(app: string, updates: FormationUpdate[], o?: CallOptions): Promise<Result<Formation[]>> {
    const body = { updates: updates.map((u) => formationBody(u, true)) };
    return this.many('PATCH', `/apps/${seg(app)}/formation`, o, body);
  }
  updateFormationType(app: string, type: string, update: Omit<FormationUpdate, 'type'>, o?: CallOptions): Promise<Result<Formation>> {
    return this.one('PATCH', `/apps/${seg(app)}/formation/${seg(type)}`, o, formationBody({ type, ...update }, false));
  }
  dynos(app: string, o?: CallOptions): Promise<Result<Dyno[]>> { return this.list(`/apps/${seg(app)}/dynos`, o, '3.sdk'); }
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
  addons(app: string, o?: CallOptions): Promise<Result<AddOn[]>> { return this.list(`/apps/${seg(app)}/addons`, o, '3.sdk'); }
  attachments(app: string, o?: CallOptions): Promise<Result<AddOnAttachment[]>> {
    return this.list(`/apps/${seg(app)}/addon-attachments`, o, '3.sdk');
  }
  /** The latest `limit` releases, newest first (one request: `Range: version ..; max=N, order=desc`). */
  async releases(app: string, limit = 20, o?: CallOptions): Promise<Result<Release[]>> {
    const max = Math.max(1, Math.min(1000, Math.floor(limit)));
    const r = await this.transport.page<unknown>({
      method: 'GET', path: `/apps/${seg(app)}/releases`, variant: '3.sdk', range: `version ..; max=${max}, order=desc`, ...o,
    });
    if (!r.ok) return r;
    const shaped = expectShape<Release[]>(ok(r.value.value), 'array', 'GET', `/apps/${seg(app)}/releases`);
    return shaped.ok ? ok(shaped.value.slice(0, max), r.value.notModified) : shaped;
  }
  /** Rolls back by creating a new release from `releaseId` (POST /releases {release}). */
  rollback(app: string, releaseId: string, o?: CallOptions): Promise<Result<Release>> {
    return this.one('POST', `/apps/${seg(app)}/releases`, o, { release: releaseId }, '3.sdk');
  }
  configVars(app: string, o?: CallOptions): Promise<Result<ConfigVars>> { return this.one('GET', `/apps/${seg(app)}/config-vars`, o); }
  /** Sets values; `null` removes a var. Returns the full new set. */
  updateConfigVars(app: string, patch: ConfigVarsPatch, o?: CallOptions): Promise<Result<ConfigVars>> {
    return this.one('PATCH', `/apps/${seg(app)}/config-vars`, o, patch);
  }
  domains(app: string, o?: CallOptions): Promise<Result<Domain[]>> { return this.list(`/apps/${seg(app)}/domains`, o); }

  // ---- pipelines and logs
  pipelines(o?: CallOptions): Promise<Result<Pipeline[]>> { return this.list('/pipelines', o); }
  pipeline(idOrName: string, o?: CallOptions): Promise<Result<Pipeline>> { return this.one('GET', `/pipelines/${seg(idOrName)}`, o); }
  pipelineCouplings(pipelineId: string, o?: CallOptions): Promise<Result<PipelineCoupling[]>> {
    return this.list(`/pipelines/${seg(pipelineId)}/pipeline-couplings`, o);
  }
  /** Every coupling the account can see, across pipelines (which app is in which stage). */
  allPipelineCouplings(o?: CallOptions): Promise<Result<PipelineCoupling[]>> { return this.list('/pipeline-couplings', o); }
  /** The app's coupling; a 404 `not_found` means the app is in no pipeline. */
  appPipelineCoupling(app: string, o?: CallOptions): Promise<Result<PipelineCoupling>> {
    return this.one('GET', `/apps/${seg(app)}/pipeline-couplings`, o);
  }
  createPromotion(p: PromotionRequest, o?: CallOptions): Promise<Result<PipelinePromotion>> {
    const source: Record<string, unknown> = { app: { id: p.sourceAppId } };
    if (p.sourceReleaseId) source.release = { id: p.sourceReleaseId };
    const body = { pipeline: { id: p.pipelineId }, source, targets: p.targetAppIds.map((id) => ({ app: { id } })) };
    return this.one('POST', '/pipeline-promotions', o, body);
  }
  /** Each target app's state in a promotion: pending until its release is created (or it failed). */
  promotionTargets(promotionId: string, o?: CallOptions): Promise<Result<PipelinePromotionTarget[]>> {
    return this.list(`/pipeline-promotions/${seg(promotionId)}/promotion-targets`, o);
  }
  createLogSession(app: string, req: LogSessionRequest, o?: CallOptions): Promise<Result<LogSession>> {
    return this.one('POST', `/apps/${seg(app)}/log-sessions`, o, req, '3.sdk');
  }

  // ---- generic helpers (public so features can reach endpoints not wrapped above)
  async one<T>(method: Method, path: string, o?: CallOptions, body?: unknown, variant?: ApiVariant): Promise<Result<T>> {
    const r = await this.transport.page<unknown>({ method, path, body, variant, ...o });
    if (!r.ok) return r;
    const shaped = expectShape<T>(ok(r.value.value), 'object', method, path);
    return shaped.ok ? ok(shaped.value, r.value.notModified) : shaped;
  }

  async many<T>(method: Method, path: string, o?: CallOptions, body?: unknown, variant?: ApiVariant): Promise<Result<T[]>> {
    const r = await this.transport.page<unknown>({ method, path, body, variant, ...o });
    if (!r.ok) return r;
    const shaped = expectShape<T[]>(ok(r.value.value), 'array', method, path);
    return shaped.ok ? ok(shaped.value, r.value.notModified) : shaped;
  }

  async empty(method: Method, path: string, o?: CallOptions, body?: unknown, variant?: ApiVariant): Promise<Result<void>> {
    const r = await this.transport.page<unknown>({ method, path, body, variant, ...o });
    return r.ok ? ok(undefined) : r;
  }

  /** GET every page of a list, following `Next-Range` from `Range: id ..; max=1000`. */
  async list<T>(path: string, o?: CallOptions, variant?: ApiVariant, range = FULL_RANGE): Promise<Result<T[]>> {
    const items: T[] = [];
    let allCached = true;
    let current: string | undefined = range;
    for (let pages = 0; current !== undefined; pages++) {
      if (pages >= MAX_PAGES) {
        return fail({ id: 'malformed_response', message: `Heroku kept sending more pages (${path}); stopped after ${MAX_PAGES}.`, status: 206, method: 'GET', path });
      }
      const r: Result<Page<unknown>> = await this.transport.page<unknown>({ method: 'GET', path, variant, range: current, ...o });
      if (!r.ok) return r;
      const shaped = expectShape<T[]>(ok(r.value.value), 'array', 'GET', path);
      if (!shaped.ok) return shaped;
      items.push(...shaped.value);
      allCached &&= r.value.notModified;
      const next: string | undefined = r.value.nextRange;
      current = next !== undefined && next !== current ? next : undefined;
    }
    return ok(items, allCached);
  }
}

/** `size` as a string, as the Heroku CLI sends it (the schema's `dyno_size: {name}` is the newer spelling). */
function formationBody(u: FormationUpdate, withType: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = withType ? { type: u.type } : {};
  if (u.quantity !== undefined) body.quantity = u.quantity;
  if (u.size !== undefined) body.size = u.size;
  return body;
}
