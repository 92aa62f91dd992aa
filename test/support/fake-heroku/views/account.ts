import { REGIONS, STACKS, regionId, stackId } from '../state/catalog';
import type { Variant } from '../router';
import type { FakeState } from '../state/store';
import { generation } from './apps';
import type { Space, Team } from '../state/types';

const EPOCH = '2012-01-01T12:00:00Z';

export function accountView(state: FakeState): Record<string, unknown> {
  const a = state.account;
  const team = a.defaultTeamId ? state.teams.get(a.defaultTeamId) : undefined;
  const ref = team ? { id: team.id, name: team.name } : null;
  return {
    allow_tracking: true, beta: false, created_at: a.createdAt, email: a.email, federated: false, id: a.id,
    identity_provider: null, last_login: a.updatedAt, name: a.name, sms_number: null, suspended_at: null,
    delinquent_at: null, two_factor_authentication: a.twoFactor, updated_at: a.updatedAt, verified: true,
    country_of_residence: 'United States', eco_dynos_enabled: true, eco_dynos_shutdown_at: null,
    pipeline_cost_consent_at: null, acknowledged_msa: true, acknowledged_msa_at: a.createdAt,
    italian_customer_terms: null, italian_partner_terms: null, mfa_enabled: a.twoFactor, mfa_exemption: false,
    mfa_exemption_reason: null, mfa_experience: 'vaas', default_organization: ref, default_team: ref,
  };
}

export function teamView(state: FakeState, t: Team): Record<string, unknown> {
  return {
    id: t.id, created_at: t.createdAt, credit_card_collections: true, default: state.account.defaultTeamId === t.id,
    enterprise_account: null, identity_provider: null, membership_limit: null, pipeline_cost_consent_at: null,
    pipeline_cost_consent_user_email: null, name: t.name, provisioned_licenses: false, role: t.role, type: 'team',
    updated_at: t.updatedAt,
  };
}

export function spaceView(state: FakeState, s: Space, variant: Variant = '3.sdk'): Record<string, unknown> {
  const team = state.teams.get(s.teamId);
  return {
    created_at: s.createdAt, id: s.id, name: s.name, organization: { name: team?.name ?? '' },
    team: { id: s.teamId, name: team?.name ?? '' }, region: { id: regionId(s.region), name: s.region },
    shield: s.shield, state: 'allocated', updated_at: s.updatedAt, cidr: '10.0.0.0/16', data_cidr: '172.23.0.0/20',
    generation: generation(variant),
  };
}

export function regionViews(): Record<string, unknown>[] {
  return REGIONS.map((r) => ({
    country: r.country, created_at: EPOCH, description: r.description, id: regionId(r.name), locale: r.locale,
    name: r.name, private_capable: r.privateCapable, provider: r.provider, updated_at: EPOCH,
  }));
}

export function stackViews(): Record<string, unknown>[] {
  return STACKS.map((s) => ({ default: s.default, created_at: EPOCH, id: stackId(s.name), name: s.name, state: s.state, updated_at: EPOCH }));
}
