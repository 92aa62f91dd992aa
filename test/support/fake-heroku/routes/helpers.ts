import { asObject, invalidParams } from '../http';
import { checkTwoFactor } from '../protocol';
import type { RouteContext, RouteResult } from '../router';
import type { App } from '../state/types';

export const json = (body: unknown, status = 200): RouteResult => ({ kind: 'json', status, body });

export const list = (items: readonly Record<string, unknown>[], sortFields: readonly string[] = ['id', 'name']): RouteResult =>
  ({ kind: 'list', items, sortFields });

/** The app named in the path, for a read. */
export function appParam(ctx: RouteContext): App {
  return ctx.state.app(ctx.params.app);
}

/** The app named in the path, for a change: enforces two-factor where the app requires it, bumps updated_at. */
export function appForChange(ctx: RouteContext): App {
  const app = ctx.state.app(ctx.params.app);
  checkTwoFactor(ctx.req.headers, app.requireTwoFactor, ctx.state.account.twoFactorCode);
  app.updatedAt = ctx.state.now();
  return app;
}

export function body(ctx: RouteContext): Record<string, unknown> {
  return asObject(ctx.body ?? {});
}

export function optString(b: Record<string, unknown>, key: string): string | undefined {
  const v = b[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw invalidParams(`${key} must be a string.`);
  return v;
}

export function optBool(b: Record<string, unknown>, key: string): boolean | undefined {
  const v = b[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw invalidParams(`${key} must be a boolean.`);
  return v;
}

export function optInt(b: Record<string, unknown>, key: string, min = 0): number | undefined {
  const v = b[key];
  if (v === undefined || v === null) return undefined;
  const n = typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min) throw invalidParams(`${key} must be an integer of at least ${min}.`);
  return n;
}
