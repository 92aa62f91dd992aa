import { findPlan, planId, serviceId } from '../state/catalog';
import type { FakeState } from '../state/store';
import type { Addon, Attachment } from '../state/types';

export function addonView(state: FakeState, a: Addon): Record<string, unknown> {
  const app = state.apps.get(a.appId);
  const info = findPlan(a.plan);
  const appRef = { id: a.appId, name: app?.name ?? '' };
  return {
    actions: [], addon_service: { id: serviceId(a.service), name: a.service },
    billing_entity: { id: a.appId, name: app?.name ?? '', type: 'app' }, app: appRef,
    billed_price: { cents: info?.plan.cents ?? 0, contract: false, metered: false, unit: 'month' },
    config_vars: a.configVars, created_at: a.createdAt, id: a.id, name: a.name,
    plan: { id: planId(a.plan), name: a.plan }, provider_id: a.providerId, provision_message: '',
    state: a.state, updated_at: a.updatedAt, web_url: `https://addons-sso.heroku.com/apps/${a.appId}/addons/${a.id}`,
  };
}

export function attachmentView(state: FakeState, at: Attachment): Record<string, unknown> {
  const addon = state.addons.get(at.addonId);
  const billing = addon ? state.apps.get(addon.appId) : undefined;
  const app = state.apps.get(at.appId);
  return {
    addon: { id: at.addonId, name: addon?.name ?? '', app: { id: addon?.appId ?? '', name: billing?.name ?? '' } },
    app: { id: at.appId, name: app?.name ?? '' }, created_at: at.createdAt, id: at.id, name: at.name,
    namespace: at.namespace, updated_at: at.updatedAt,
    web_url: `https://addons-sso.heroku.com/apps/${at.appId}/addons/${at.addonId}`, log_input_url: null,
  };
}
