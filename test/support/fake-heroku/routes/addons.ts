import { notFound } from '../http';
import type { RouteContext, Router } from '../router';
import { ADDON_SERVICES, planId, serviceId } from '../state/catalog';
import type { Addon, Attachment } from '../state/types';
import { addonView, attachmentView } from '../views/addons';
import { appParam, json, list } from './helpers';

const EPOCH = '2012-01-01T12:00:00Z';

/** Add-ons attached to an app (whichever app is billed), like `GET /apps/{app}/addons`. */
function addonsOfApp(ctx: RouteContext, appId: string): Addon[] {
  const ids = new Set(ctx.state.appsOf(ctx.state.attachments, appId).map((a) => a.addonId));
  return [...ctx.state.addons.values()].filter((a) => a.appId === appId || ids.has(a.id));
}

function attachment(ctx: RouteContext, key: string, appId?: string): Attachment {
  const hit = [...ctx.state.attachments.values()].find((a) => (appId === undefined || a.appId === appId) && (a.id === key.toLowerCase() || (appId !== undefined && a.name === key)));
  if (!hit) throw notFound('add-on attachment');
  return hit;
}

function serviceView(s: (typeof ADDON_SERVICES)[number]): Record<string, unknown> {
  return {
    cli_plugin_name: s.name.replace('heroku-', ''), created_at: EPOCH, human_name: s.humanName, id: serviceId(s.name),
    name: s.name, state: 'ga', supports_multiple_installations: true, supports_sharing: true, updated_at: EPOCH,
    supported_generations: [{ id: serviceId('generation:cedar'), name: 'cedar' }],
  };
}

/** Add-ons, attachments, add-on services and plans. */
export function addonRoutes(r: Router): void {
  r.get('/addons', (ctx) => list([...ctx.state.addons.values()].map((a) => addonView(ctx.state, a))));
  r.get('/addons/:addon', (ctx) => json(addonView(ctx.state, ctx.state.addon(ctx.params.addon))));
  r.get('/apps/:app/addons', (ctx) => list(addonsOfApp(ctx, appParam(ctx).id).map((a) => addonView(ctx.state, a))));
  r.get('/apps/:app/addons/:addon', (ctx) => {
    const app = appParam(ctx);
    const hit = addonsOfApp(ctx, app.id).find((a) => a.id === ctx.params.addon.toLowerCase() || a.name === ctx.params.addon);
    if (!hit) throw notFound('add-on');
    return json(addonView(ctx.state, hit));
  });
  r.get('/addon-attachments', (ctx) => list([...ctx.state.attachments.values()].map((a) => attachmentView(ctx.state, a))));
  r.get('/addon-attachments/:id', (ctx) => json(attachmentView(ctx.state, attachment(ctx, ctx.params.id))));
  r.get('/addons/:addon/addon-attachments', (ctx) => {
    const addon = ctx.state.addon(ctx.params.addon);
    return list([...ctx.state.attachments.values()].filter((a) => a.addonId === addon.id).map((a) => attachmentView(ctx.state, a)));
  });
  r.get('/apps/:app/addon-attachments', (ctx) => {
    const app = appParam(ctx);
    return list(ctx.state.appsOf(ctx.state.attachments, app.id).map((a) => attachmentView(ctx.state, a)));
  });
  r.get('/apps/:app/addon-attachments/:attachment', (ctx) => json(attachmentView(ctx.state, attachment(ctx, ctx.params.attachment, appParam(ctx).id))));
  r.get('/addon-services', () => list(ADDON_SERVICES.map(serviceView)));
  r.get('/addon-services/:service', (ctx) => {
    const s = ADDON_SERVICES.find((x) => x.name === ctx.params.service || serviceId(x.name) === ctx.params.service);
    if (!s) throw notFound('add-on service');
    return json(serviceView(s));
  });
  r.get('/addon-services/:service/plans', (ctx) => {
    const s = ADDON_SERVICES.find((x) => x.name === ctx.params.service || serviceId(x.name) === ctx.params.service);
    if (!s) throw notFound('add-on service');
    return list(s.plans.map((p, i) => {
      const full = `${s.name}:${p.name}`;
      return {
        addon_service: { id: serviceId(s.name), name: s.name }, created_at: EPOCH, compliance: null, default: i === 0,
        description: `${s.humanName} ${p.humanName}`, human_name: p.humanName, id: planId(full),
        installable_inside_private_network: p.name.startsWith('private'), installable_outside_private_network: !p.name.startsWith('private'),
        name: full, price: { cents: p.cents, contract: false, metered: false, unit: 'month' }, space_default: false, state: 'public',
        updated_at: EPOCH, visible: true,
      };
    }));
  });
}
