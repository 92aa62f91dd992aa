// The explorer's children, computed from a small API port. No vscode and no I/O of its own: the vscode
// provider and the benchmark both drive it. Every failure becomes a node; nothing here throws.
import type { Account, AddOn, AddOnAttachment, App, Domain, Dyno, Formation, Release } from '../heroku/types';
import { appNode, groupApps, groupChildren, groupNode, sectionNodes, type AppGroup } from './apps';
import { failureNode, messageNode, PAGE_SIZE, page, type ExplorerNode, type Failure } from './nodes';
import { addonNodes, configNodes, domainNodes, dynoNodes, formationNodes, releaseNodes } from './resources';
import { promotionStages, readCouplings } from './promotion';
import { checkConfig, checkList, checkOne } from './shapes';

export type Res = { ok: true; value: unknown } | { ok: false; error: Failure };

/**
 * What the explorer reads. Results as values; `unknown` bodies are checked here. The signal aborts a read that a
 * newer refresh superseded, or every read when the explorer goes away.
 */
export interface ExplorerApi {
  account(signal?: AbortSignal): Promise<Res>;
  listApps(signal?: AbortSignal): Promise<Res>;
  getApp(name: string, signal?: AbortSignal): Promise<Res>;
  /** Every pipeline coupling the account can see (which apps promote where); optional: without it no Promote menu. */
  pipelineCouplings?(signal?: AbortSignal): Promise<Res>;
  dynos(app: string, signal?: AbortSignal): Promise<Res>;
  formation(app: string, signal?: AbortSignal): Promise<Res>;
  addons(app: string, signal?: AbortSignal): Promise<Res>;
  attachments(app: string, signal?: AbortSignal): Promise<Res>;
  /** The latest releases (at least 20, newest first when the API allows). */
  releases(app: string, signal?: AbortSignal): Promise<Res>;
  configVars(app: string, signal?: AbortSignal): Promise<Res>;
  domains(app: string, signal?: AbortSignal): Promise<Res>;
}

export interface WorkspaceApp {
  app: string;
  /** e.g. `heroku` or `staging`, and the folder it was found in. */
  remote: string;
  folder: string;
}

export const ROOTS: ExplorerNode[] = [
  { id: 'workspace', kind: 'workspace', label: 'This workspace', icon: { id: 'root-folder' }, contextValue: 'heroku.workspace', collapsible: 'expanded' },
  { id: 'all', kind: 'allApps', label: 'All apps', icon: { id: 'cloud' }, contextValue: 'heroku.allApps', collapsible: 'expanded' },
];

/** How often a load that a newer refresh superseded is started again before its (stale) answer is returned. */
const MAX_RESTARTS = 3;

export class ExplorerModel {
  private groups: Promise<AppGroup[] | Failure> | undefined;
  private stages: Promise<Map<string, string>> | undefined;
  private email: Promise<string | undefined> | undefined;
  private readonly shown = new Map<string, number>();
  private readonly revealed = new Map<string, Set<string>>();
  /** One per refresh: invalidate() aborts the reads still running for the previous one. */
  private generation = new AbortController();
  /** Aborted by dispose() only: for the account, which is read once per session and shared by every refresh. */
  private readonly lifetime = new AbortController();
  private disposed = false;

  constructor(
    private readonly api: ExplorerApi,
    private readonly workspaceApps: () => Promise<WorkspaceApp[]>,
    /** Each config value read is handed here (to the Redactor) so it never reaches a log. */
    private readonly onSecret: (value: string) => void = () => undefined,
  ) {}

  /**
   * Forgets cached answers (the HTTP layer's ETags make the re-reads cheap) and aborts the reads of the previous
   * refresh that are still running: their loads start again with fresh answers. Paging and reveals are kept.
   */
  invalidate(): void {
    this.groups = undefined;
    this.stages = undefined;
    this.supersede();
  }

  /** Signed in or out, or another account: forget the account too (it is read once per session). */
  resetSession(): void {
    this.email = undefined;
    this.invalidate();
  }

  /** Aborts every read in flight; later loads return nothing. */
  dispose(): void {
    this.disposed = true;
    this.generation.abort();
    this.lifetime.abort();
  }

  private supersede(): void {
    if (this.disposed) return;
    this.generation.abort();
    this.generation = new AbortController();
  }

  /** Apps (by name) that promote to a next pipeline stage, with that stage; empty when couplings cannot be read. */
  async promotableApps(): Promise<Map<string, string>> {
    const [groups, stages] = await Promise.all([this.loadGroups(), this.loadStages()]);
    const out = new Map<string, string>();
    if (!Array.isArray(groups)) return out;
    for (const app of groups.flatMap((g) => g.apps)) {
      const stage = stages.get(app.id);
      if (stage) out.set(app.name, stage);
    }
    return out;
  }

  /** Shows another page under a parent (a "Load more…" node's command). */
  loadMore(parentId: string): void {
    this.shown.set(parentId, (this.shown.get(parentId) ?? PAGE_SIZE) + PAGE_SIZE);
  }

  setRevealed(app: string, key: string | undefined, on: boolean, allKeys: readonly string[] = []): void {
    const set = this.revealed.get(app) ?? new Set<string>();
    for (const k of key === undefined ? allKeys : [key]) {
      if (on) set.add(k);
      else set.delete(k);
    }
    if (key === undefined && !on) set.clear();
    this.revealed.set(app, set);
  }

  isRevealed(app: string, key: string): boolean {
    return this.revealed.get(app)?.has(key) ?? false;
  }

  /**
   * The children of a node. A load whose reads a newer refresh aborted starts again (the tree may still show
   * what this call returns), so a refresh never leaves "cancelled" nodes behind.
   */
  async children(node?: ExplorerNode): Promise<ExplorerNode[]> {
    for (let restart = 0; ; restart++) {
      if (this.disposed) return [];
      const signal = this.generation.signal;
      const kids = await this.childrenOnce(node, signal);
      if (this.disposed) return [];
      if (!signal.aborted || restart >= MAX_RESTARTS) return kids;
    }
  }

  private async childrenOnce(node: ExplorerNode | undefined, signal: AbortSignal): Promise<ExplorerNode[]> {
    try {
      if (!node) return ROOTS;
      switch (node.kind) {
        case 'workspace': return await this.workspaceChildren(signal);
        case 'allApps': return await this.allAppsChildren();
        case 'owner': return await this.ownerChildren(node);
        case 'app': return node.app ? sectionNodes(node.id, node.app) : [];
        case 'section': return await this.sectionChildren(node, signal);
        default: return [];
      }
    } catch (err) {
      // A bug must not blank the tree: show it as a node.
      return [messageNode(node?.id ?? 'root', 'error', `Could not load: ${err instanceof Error ? err.message : String(err)}`)];
    }
  }

  /** The grouped app list, read once per refresh. */
  loadGroups(): Promise<AppGroup[] | Failure> {
    const signal = this.generation.signal;
    this.groups ??= (async () => {
      const [apps, email] = await Promise.all([this.api.listApps(signal), this.accountEmail()]);
      if (!apps.ok) return apps.error;
      const list = checkList<App>(apps.value, 'app');
      if (!list.ok) return list.error;
      return groupApps(list.items, email);
    })();
    return this.groups;
  }

  /** App id → the stage it promotes to, read once per refresh; a failure means no Promote menus, not an error. */
  private loadStages(): Promise<Map<string, string>> {
    const signal = this.generation.signal;
    this.stages ??= (async () => {
      const r = await this.api.pipelineCouplings?.(signal);
      return r?.ok ? promotionStages(readCouplings(r.value)) : new Map<string, string>();
    })();
    return this.stages;
  }

  /** The signed-in account's email (tells personal apps from shared ones); read once per session. */
  private accountEmail(): Promise<string | undefined> {
    this.email ??= this.api.account(this.lifetime.signal).then((r) => {
      const email = r.ok ? (r.value as Partial<Account> | null)?.email : undefined;
      if (typeof email !== 'string') this.email = undefined; // try again next time
      return typeof email === 'string' ? email : undefined;
    });
    return this.email;
  }

  private async allAppsChildren(): Promise<ExplorerNode[]> {
    const groups = await this.loadGroups();
    if (!Array.isArray(groups)) return [failureNode('all', groups)];
    const nonEmpty = groups.filter((g) => g.apps.length > 0);
    if (nonEmpty.length === 0) return [messageNode('all', 'empty', 'No apps yet')];
    return nonEmpty.map(groupNode);
  }

  private async ownerChildren(node: ExplorerNode): Promise<ExplorerNode[]> {
    const [groups, stages] = await Promise.all([this.loadGroups(), this.loadStages()]);
    if (!Array.isArray(groups)) return [failureNode(node.id, groups)];
    const group = groups.find((g) => `all/${g.id}` === node.id);
    if (!group) return [];
    return groupChildren(group, this.shown.get(node.id) ?? PAGE_SIZE, (app) => stages.get(app.id));
  }

  private async workspaceChildren(signal: AbortSignal): Promise<ExplorerNode[]> {
    const found = await this.workspaceApps();
    if (found.length === 0) return [messageNode('workspace', 'empty', 'No Heroku git remotes in this workspace')];
    const distinct = [...new Map(found.map((w) => [w.app, w])).values()].sort((a, b) => a.app.localeCompare(b.app));
    const stages = await this.loadStages();
    const nodes = await Promise.all(distinct.map(async (w): Promise<ExplorerNode> => {
      const res = await this.api.getApp(w.app, signal);
      const checked = res.ok ? checkOne<App>(res.value, 'app') : res;
      if (!checked.ok) {
        const err = checked.error;
        if (err.status === 401 || err.id === 'unauthorized' || err.id === 'no_token') return failureNode(`workspace/${w.app}`, err);
        return { ...messageNode(`workspace/app:${w.app}`, 'error', w.app), description: err.message, tooltip: `${w.app} (remote ${w.remote} in ${w.folder}): ${err.message}` };
      }
      return appNode(checked.value, 'workspace', `${w.remote} (${w.folder})`, stages.get(checked.value.id));
    }));
    return page(nodes, this.shown.get('workspace') ?? PAGE_SIZE, 'workspace', (n) => n);
  }

  private async sectionChildren(node: ExplorerNode, signal: AbortSignal): Promise<ExplorerNode[]> {
    const app = node.app ?? '';
    const id = node.id;
    const empty = (label: string) => [messageNode(id, 'empty', label)];
    switch (node.section) {
      case 'dynos': {
        const r = await this.list<Dyno>(this.api.dynos(app, signal), 'dyno', id);
        return Array.isArray(r) ? (r.length ? dynoNodes(id, app, r) : empty('No dynos running')) : [r];
      }
      case 'formation': {
        const r = await this.list<Formation>(this.api.formation(app, signal), 'formation', id);
        return Array.isArray(r) ? (r.length ? formationNodes(id, app, r) : empty('No process types (nothing deployed yet)')) : [r];
      }
      case 'addons': {
        const [a, t] = await Promise.all([this.list<AddOn>(this.api.addons(app, signal), 'addon', id), this.list<AddOnAttachment>(this.api.attachments(app, signal), 'attachment', id)]);
        if (!Array.isArray(a)) return [a];
        return a.length ? addonNodes(id, app, a, Array.isArray(t) ? t : []) : empty('No add-ons');
      }
      case 'releases': {
        const r = await this.list<Release>(this.api.releases(app, signal), 'release', id);
        return Array.isArray(r) ? (r.length ? releaseNodes(id, app, r) : empty('No releases')) : [r];
      }
      case 'config': {
        const res = await this.api.configVars(app, signal);
        if (!res.ok) return [failureNode(id, res.error)];
        const c = checkConfig(res.value);
        if (!c.ok) return [failureNode(id, c.error)];
        for (const v of Object.values(c.vars)) this.onSecret(v);
        const nodes = configNodes(id, app, c.vars, this.revealed.get(app) ?? new Set());
        return nodes.length ? nodes : empty('No config vars');
      }
      case 'domains': {
        const r = await this.list<Domain>(this.api.domains(app, signal), 'domain', id);
        return Array.isArray(r) ? (r.length ? domainNodes(id, app, r) : empty('No domains')) : [r];
      }
      default: return [];
    }
  }

  private async list<T>(pending: Promise<Res>, resource: 'dyno' | 'formation' | 'addon' | 'attachment' | 'release' | 'domain', parent: string): Promise<T[] | ExplorerNode> {
    const res = await pending;
    if (!res.ok) return failureNode(parent, res.error);
    const c = checkList<T>(res.value, resource);
    return c.ok ? c.items : failureNode(parent, c.error);
  }
}
