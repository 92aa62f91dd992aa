import { notFound } from '../http';
import type { Router } from '../router';
import { domainView } from '../views/releases';
import { appParam, json, list } from './helpers';

export function domainRoutes(r: Router): void {
  r.get('/apps/:app/domains', (ctx) => {
    const app = appParam(ctx);
    return list(ctx.state.appsOf(ctx.state.domains, app.id).map((d) => domainView(ctx.state, d)), ['id', 'hostname']);
  });
  r.get('/apps/:app/domains/:domain', (ctx) => {
    const app = appParam(ctx);
    const key = ctx.params.domain;
    const d = ctx.state.appsOf(ctx.state.domains, app.id).find((x) => x.id === key.toLowerCase() || x.hostname === key);
    if (!d) throw notFound('domain');
    return json(domainView(ctx.state, d));
  });
}
