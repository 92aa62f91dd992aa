import { regionId, stackId } from '../state/catalog';
import type { Variant } from '../router';
import { stableId } from '../state/ids';
import type { FakeState } from '../state/store';
import type { App } from '../state/types';

const buildpackUrl: Record<string, string> = {
  'heroku/nodejs': 'https://buildpack-registry.s3.amazonaws.com/buildpacks/heroku/nodejs.tgz',
};
const LANGUAGE: Record<string, string> = { 'heroku/nodejs': 'Node.js', 'heroku/ruby': 'Ruby', 'heroku/python': 'Python', 'heroku/java': 'Java' };

/** `https://<name>-<12 hex>.herokuapp.com/`, the shape Heroku gives new apps. */
export function webUrl(app: App): string {
  return `https://${app.name}-${app.id.replace(/-/g, '').slice(0, 12)}.herokuapp.com/`;
}

function owner(state: FakeState, app: App): { email: string; id: string } {
  const team = app.teamId ? state.teams.get(app.teamId) : undefined;
  return team ? { email: `${team.name}@herokumanager.com`, id: team.id } : { email: state.account.email, id: state.account.id };
}

function common(state: FakeState, app: App): Record<string, unknown> {
  const team = app.teamId ? state.teams.get(app.teamId) : undefined;
  const space = app.spaceId ? state.spaces.get(app.spaceId) : undefined;
  const stack = { id: stackId(app.stack), name: app.stack };
  return {
    archived_at: null, base_image_name: null, build_stack: stack,
    buildpack_provided_description: app.buildpacks[0] ? (LANGUAGE[app.buildpacks[0]] ?? app.buildpacks[0]) : null,
    buildpacks: app.buildpacks.map((id) => ({ id, version: 'latest', homepage: buildpackUrl[id] ?? `https://github.com/${id}` })),
    created_at: app.createdAt, current_build_architecture: [], generation: app.generation ?? 'cedar',
    git_url: `https://git.heroku.com/${app.name}.git`, id: app.id, internal_routing: space ? false : null,
    maintenance: app.maintenance, name: app.name, owner: owner(state, app),
    region: { id: regionId(app.region), name: app.region }, released_at: app.releasedAt, repo_size: app.repoSize,
    slug_size: app.slugSize, stack, updated_at: app.updatedAt, web_url: webUrl(app),
    team: team ? { id: team.id, name: team.name } : null,
    space: space ? { id: space.id, name: space.name, shield: space.shield } : null,
  };
}

/** `generation`: a name in 3.sdk, an `{id, name}` object in version=3 (the two schemas differ here). */
export function generation(variant: Variant, name: 'cedar' | 'fir' = 'cedar'): string | { id: string; name: string } {
  return variant === '3' ? { id: stableId(`generation:${name}`), name } : name;
}

/** The `app` definition (GET /apps, /apps/{app}). */
export function appView(state: FakeState, app: App, variant: Variant = '3.sdk'): Record<string, unknown> {
  const c = common(state, app);
  return { ...c, acm: app.acm, organization: c.team, generation: generation(variant, app.generation) };
}

/** The `team-app` definition (GET /teams/{team}/apps). */
export function teamAppView(state: FakeState, app: App): Record<string, unknown> {
  const c = common(state, app);
  const space = c.space as { id: string; name: string } | null;
  return { ...c, joined: true, locked: app.locked, space: space ? { id: space.id, name: space.name } : null };
}
