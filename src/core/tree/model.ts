// The explorer's children, computed from the Heroku API port. No vscode and no I/O of its own: the vscode
// provider and the benchmark both drive it. Every failure becomes a node; nothing here throws.
import type { ApiProvider, HerokuApi } from '../heroku/api';
import { fail, notSignedIn, type Result } from '../heroku/result';
import { promotionStages } from '../pipeline/promotion-plan';
import { appNode, groupApps, groupChildren, groupNode, sectionNodes, type AppGroup } from './apps';
import { failureNode, messageNode, PAGE_SIZE, page, type ExplorerNode, type Failure } from './nodes';
import { addonNodes, configNodes, domainNodes, dynoNodes, formationNodes, releaseNodes } from './resources';

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
    private readonly api: ApiProvider,
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
      const [apps, email] = await Promise.all([this.call((a) => a.apps({ signal })), this.accountEmail()]);
      return apps.ok ? groupApps(apps.value, email) : apps.error;
    })();
    return this.groups;
  }

  /** App id → the stage it promotes to, read once per refresh; a failure means no Promote menus, not an error. */
  private loadStages(): Promise<Map<string, string>> {
    const signal = this.generation.signal;
    this.stages ??= (async () => {
      const r = await this.call((a) => a.allPipelineCouplings({ signal }));
      return r.ok ? promotionStages(r.value) : new Map<string, string>();
    })();
    return this.stages;
  }

  /** The signed-in account's email (tells personal apps from shared ones); read once per session. */
  private accountEmail(): Promise<string | undefined> {
    this.email ??= this.call((a) => a.account({ signal: this.lifetime.signal })).then((r) => {
      if (!r.ok) this.email = undefined; // try again next time
      return r.ok ? r.value.email : undefined;
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
      const checked = await this.call((a) => a.app(w.app, { signal }));
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
    const o = { signal };
    const empty = (label: string) => [messageNode(id, 'empty', label)];
    switch (node.section) {
      case 'dynos': {
        const r = await this.call((a) => a.dynos(app, o));
        return !r.ok ? [failureNode(id, r.error)] : r.value.length ? dynoNodes(id, app, r.value) : empty('No dynos running');
      }
      case 'formation': {
        const r = await this.call((a) => a.formation(app, o));
        return !r.ok ? [failureNode(id, r.error)] : r.value.length ? formationNodes(id, app, r.value) : empty('No process types (nothing deployed yet)');
      }
      case 'addons': {
        const [r, t] = await Promise.all([this.call((a) => a.addons(app, o)), this.call((a) => a.attachments(app, o))]);
        return !r.ok ? [failureNode(id, r.error)] : r.value.length ? addonNodes(id, app, r.value, t.ok ? t.value : []) : empty('No add-ons');
      }
      case 'releases': {
        const r = await this.call((a) => a.releases(app, 20, o));
        return !r.ok ? [failureNode(id, r.error)] : r.value.length ? releaseNodes(id, app, r.value) : empty('No releases');
      }
      case 'config': {
        const r = await this.call((a) => a.configVars(app, o));
        if (!r.ok) return [failureNode(id, r.error)];
        for (const v of Object.values(r.value)) this.onSecret(v);
        const nodes = configNodes(id, app, r.value, this.revealed.get(app) ?? new Set());
        return nodes.length ? nodes : empty('No config vars');
      }
      case 'domains': {
        const r = await this.call((a) => a.domains(app, o));
        return !r.ok ? [failureNode(id, r.error)] : r.value.length ? domainNodes(id, app, r.value) : empty('No domains');
      }
      default: return [];
    }
  }

  /** One call through the current sign-in; signed out is a no_token failure (the tree offers sign-in). */
  private call<T>(fn: (api: HerokuApi) => Promise<Result<T>>): Promise<Result<T>> {
    const api = this.api();
    return api ? fn(api) : Promise.resolve(fail(notSignedIn()));
  }
}
