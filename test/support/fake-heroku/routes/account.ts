import type { Router } from '../router';
import { accountView, regionViews, spaceView, stackViews, teamView } from '../views/account';
import { teamAppView } from '../views/apps';
import { json, list } from './helpers';
import { notFound } from '../http';

/** Account, teams, spaces, regions, stacks. */
export function accountRoutes(r: Router): void {
  r.get('/account', (ctx) => json(accountView(ctx.state)));
  r.get('/teams', (ctx) => list([...ctx.state.teams.values()].map((t) => teamView(ctx.state, t))));
  r.get('/teams/:team', (ctx) => json(teamView(ctx.state, ctx.state.team(ctx.params.team))));
  r.get('/teams/:team/apps', (ctx) => {
    const team = ctx.state.team(ctx.params.team);
    return list([...ctx.state.apps.values()].filter((a) => a.teamId === team.id).map((a) => teamAppView(ctx.state, a)));
  });
  r.get('/teams/apps/:app', (ctx) => {
    const app = ctx.state.app(ctx.params.app);
    if (!app.teamId) throw notFound('app');
    return json(teamAppView(ctx.state, app));
  });
  r.get('/spaces', (ctx) => list([...ctx.state.spaces.values()].map((s) => spaceView(ctx.state, s, ctx.variant))));
  r.get('/spaces/:space', (ctx) => json(spaceView(ctx.state, ctx.state.space(ctx.params.space), ctx.variant)));
  r.get('/regions', () => list(regionViews()));
  r.get('/regions/:region', (ctx) => {
    const hit = regionViews().find((x) => x.name === ctx.params.region || x.id === ctx.params.region);
    if (!hit) throw notFound('region');
    return json(hit);
  });
  r.get('/stacks', () => list(stackViews()));
}
