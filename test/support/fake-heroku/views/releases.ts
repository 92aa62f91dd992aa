import type { FakeState } from '../state/store';
import type { Domain, Release } from '../state/types';

export function releaseView(state: FakeState, r: Release, baseUrl: string): Record<string, unknown> {
  const app = state.apps.get(r.appId);
  const current = state.currentRelease(r.appId)?.id === r.id;
  return {
    addon_plan_names: r.addonPlanNames,
    artifacts: r.slugId ? [{ type: 'slug', id: r.slugId }] : [],
    app: { name: app?.name ?? '', id: r.appId }, created_at: r.createdAt, description: r.description, id: r.id,
    updated_at: r.updatedAt, oci_image: null, slug: r.slugId ? { id: r.slugId } : null, status: r.status,
    user: { id: state.account.id, email: state.account.email }, version: r.version, current,
    output_stream_url: r.output ? `${baseUrl}/__output/releases/${r.id}` : null,
    eligible_for_rollback: r.status === 'succeeded' && !current,
  };
}

export function domainView(state: FakeState, d: Domain): Record<string, unknown> {
  const app = state.apps.get(d.appId);
  return {
    acm_status: d.kind === 'custom' ? 'cert issued' : null, acm_status_reason: null,
    app: { name: app?.name ?? '', id: d.appId }, cname: d.cname, created_at: d.createdAt, hostname: d.hostname,
    id: d.id, kind: d.kind, updated_at: d.updatedAt, status: d.status, sni_endpoint: null,
  };
}
