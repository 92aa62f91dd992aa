import { DYNO_SIZES, sizeId } from '../state/catalog';
import type { FakeState } from '../state/store';
import type { Dyno, Formation } from '../state/types';

export function formationView(state: FakeState, f: Formation): Record<string, unknown> {
  const app = state.apps.get(f.appId);
  return {
    app: { name: app?.name ?? '', id: f.appId }, command: f.command, created_at: f.createdAt,
    dyno_size: { id: sizeId(f.size), name: f.size }, id: f.id, quantity: f.quantity, size: f.size, type: f.type,
    updated_at: f.updatedAt,
  };
}

export function dynoView(state: FakeState, d: Dyno): Record<string, unknown> {
  const app = state.apps.get(d.appId);
  const rel = d.releaseId ? state.releases.get(d.releaseId) : state.currentRelease(d.appId);
  return {
    attach_url: d.attachUrl ?? null, command: d.command, created_at: d.createdAt, id: d.id, name: d.name,
    release: { id: rel?.id ?? d.id, version: rel?.version ?? 0 },
    app: { name: app?.name ?? '', id: d.appId }, size: d.size, state: d.state, type: d.type, updated_at: d.updatedAt,
  };
}

export function dynoSizeViews(): Record<string, unknown>[] {
  return DYNO_SIZES.map((s) => ({
    architecture: 'amd64', compute: s.compute, can_autoscale: s.tier === 'production' && !s.privateSpaceOnly,
    cost: s.cost === null ? null : { cents: s.cost * 100, unit: 'month' }, dedicated: s.dedicated,
    precise_dyno_units: s.compute, id: sizeId(s.name), memory: s.memory, name: s.name,
    private_space_only: s.privateSpaceOnly, generation: { id: sizeId('cedar'), name: 'cedar' },
    infrastructure_tier: s.privateSpaceOnly ? 'private' : 'common', product_dyno_tier: s.tier,
  }));
}
