import { newId } from './ids';
import type { FakeState } from './store';
import type { App, Dyno, Release } from './types';

/** Creates the app's next release (a deploy, a config change, a rollback, a promotion). */
export function createRelease(
  state: FakeState,
  app: App,
  description: string,
  opts: { config?: Record<string, string>; slugId?: string | null; status?: Release['status']; output?: string[] | null } = {},
): Release {
  const prev = state.releasesOf(app.id).pop();
  const current = state.currentRelease(app.id);
  const at = state.now();
  const addonPlans = [...state.attachments.values()]
    .filter((a) => a.appId === app.id)
    .map((a) => state.addons.get(a.addonId)?.plan)
    .filter((p): p is string => p !== undefined);
  const rel: Release = {
    id: newId(), appId: app.id, version: (prev?.version ?? 0) + 1, description,
    status: opts.status ?? 'succeeded', config: { ...(opts.config ?? state.config(app.id)) },
    slugId: opts.slugId === undefined ? (current?.slugId ?? null) : opts.slugId,
    addonPlanNames: [...new Set(addonPlans)], output: opts.output ?? null, createdAt: at, updatedAt: at,
  };
  state.releases.set(rel.id, rel);
  state.emitLog(app.id, 'app', 'api', `${description} by user ${state.account.email}`);
  state.emitLog(app.id, 'app', 'api', `Release v${rel.version} created by user ${state.account.email}`);
  if (rel.status === 'succeeded') activateRelease(state, app, rel);
  return rel;
}

/** A release becomes the current one: the app was released now and its dynos restart on it. */
export function activateRelease(state: FakeState, app: App, rel: Release): void {
  const at = state.now();
  app.releasedAt = at;
  app.updatedAt = at;
  restartDynos(state, app.id, () => true, rel.id);
}

/**
 * A deployed slug's process types become the formation, as on Heroku: commands follow the slug, new types join
 * (web with one dyno when the app had no formation yet, others with none), types the slug lacks leave.
 */
export function applyProcessTypes(state: FakeState, app: App, types: Record<string, string>): void {
  if (Object.keys(types).length === 0) return;
  const existing = state.appsOf(state.formation, app.id);
  const size = existing.find((f) => f.type === 'web')?.size ?? existing[0]?.size ?? 'basic';
  const at = state.now();
  for (const f of existing) {
    if (f.type in types) continue;
    state.formation.delete(f.id);
    for (const d of state.appsOf(state.dynos, app.id)) if (d.type === f.type) state.dynos.delete(d.id);
  }
  for (const [type, command] of Object.entries(types)) {
    const f = existing.find((x) => x.type === type);
    if (f) {
      f.command = command;
      f.updatedAt = at;
    } else {
      const quantity = type === 'web' && existing.length === 0 ? 1 : 0;
      const id = newId();
      state.formation.set(id, { id, appId: app.id, type, quantity, size, command, createdAt: at, updatedAt: at });
    }
    reconcileDynos(state, app.id, type);
  }
}

/** Puts matching dynos into `starting`; they come `up` after `state.dynoBootMs`. */
export function restartDynos(state: FakeState, appId: string, which: (d: Dyno) => boolean, releaseId?: string): Dyno[] {
  const at = state.now();
  const hit = state.appsOf(state.dynos, appId).filter((d) => !d.oneOff && which(d));
  for (const d of hit) {
    state.emitLog(appId, 'heroku', d.name, 'Restarting');
    state.emitLog(appId, 'heroku', d.name, `State changed from ${d.state} to starting`);
    state.emitLog(appId, 'heroku', d.name, `Starting process with command \`${d.command}\``);
    d.state = 'starting';
    d.upAt = state.clock() + state.dynoBootMs;
    d.updatedAt = at;
    if (releaseId) d.releaseId = releaseId;
  }
  return hit;
}

/** Makes the dynos of one process type match its formation entry (quantity and size). */
export function reconcileDynos(state: FakeState, appId: string, type: string): void {
  const f = state.formationOf(appId, type);
  const dynos = state.appsOf(state.dynos, appId).filter((d) => d.type === type && !d.oneOff)
    .sort((a, b) => Number(a.name.split('.')[1]) - Number(b.name.split('.')[1]));
  for (const d of dynos.slice(f.quantity)) {
    state.dynos.delete(d.id);
    state.emitLog(appId, 'heroku', d.name, 'Stopping all processes with SIGTERM');
    state.emitLog(appId, 'heroku', d.name, 'Process exited with status 143');
  }
  const kept = dynos.slice(0, f.quantity);
  const resized = kept.filter((d) => d.size !== f.size || d.command !== f.command);
  for (const d of resized) {
    d.size = f.size;
    d.command = f.command;
  }
  restartDynos(state, appId, (d) => resized.includes(d));
  const used = new Set(kept.map((d) => d.name));
  const rel = state.currentRelease(appId);
  for (let n = 1; kept.length < f.quantity; n++) {
    const name = `${type}.${n}`;
    if (used.has(name)) continue;
    const at = state.now();
    const d: Dyno = {
      id: newId(), appId, name, type, state: 'starting', size: f.size, command: f.command,
      releaseId: rel?.id ?? null, upAt: state.clock() + state.dynoBootMs, createdAt: at, updatedAt: at,
    };
    state.dynos.set(d.id, d);
    state.emitLog(appId, 'heroku', name, `Starting process with command \`${f.command}\``);
    kept.push(d);
  }
}

/** Describes a config change the way Heroku's release log does. */
export function configDescription(set: string[], removed: string[]): string {
  const parts: string[] = [];
  if (set.length > 0) parts.push(`Set ${set.join(', ')} config vars`);
  if (removed.length > 0) parts.push(`Remove ${removed.join(', ')} config vars`);
  return parts.join(' and ') || 'Set config vars';
}

/** Runs `fn`; if it throws, the app's formation and dynos are put back as they were (batch scaling is atomic). */
export function atomically<T>(state: FakeState, appId: string, fn: () => T): T {
  const formation = state.appsOf(state.formation, appId).map((f) => ({ ...f }));
  const dynos = state.appsOf(state.dynos, appId).map((d) => ({ ...d }));
  try {
    return fn();
  } catch (e) {
    for (const f of state.appsOf(state.formation, appId)) state.formation.delete(f.id);
    for (const d of state.appsOf(state.dynos, appId)) state.dynos.delete(d.id);
    for (const f of formation) state.formation.set(f.id, f);
    for (const d of dynos) state.dynos.set(d.id, d);
    throw e;
  }
}
