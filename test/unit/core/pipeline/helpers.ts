// Plain-object stand-ins for the pipeline ports: canned answers (Results) per call (the clock is the shared
// test/support/fake-clock.ts). No HTTP: the fake Heroku's routes are exercised by the host tests.
import { fail, ok, type HerokuError, type Result } from '../../../../src/core/heroku/result';
import type { PipelineApi } from '../../../../src/core/pipeline/ports';

export const err = (status: number, message: string, id = status === 404 ? 'not_found' : 'http_error'): HerokuError =>
  ({ id, message, status, method: 'GET', path: '/x' });

type Answer = Result<unknown> | ((...args: unknown[]) => Result<unknown>);

/** Every PipelineApi method answers from `answers[name]` (a Result or a function of the arguments). */
export function fakeApi(answers: Partial<Record<keyof PipelineApi, Answer>>, calls: string[] = []): PipelineApi {
  return new Proxy({} as PipelineApi, {
    get: (_t, name: string) => (...args: unknown[]) => {
      calls.push(`${name}(${args.filter((a) => typeof a === 'string').join(',')})`);
      const a = answers[name as keyof PipelineApi];
      if (a === undefined) return Promise.resolve(fail(err(404, `no ${name}`)));
      return Promise.resolve(typeof a === 'function' ? a(...args) : a);
    },
  });
}

export const P = { id: 'p1', name: 'shop', created_at: '', updated_at: '', generation: { id: 'g', name: 'cedar' } };

export function rel(appId: string, appName: string, version: number, description: string, extra: Record<string, unknown> = {}) {
  return {
    id: `r-${appId}-${version}`, version, description, status: 'succeeded', current: true, created_at: '2026-11-24T08:00:00Z',
    updated_at: '2026-11-24T08:00:00Z', app: { id: appId, name: appName }, user: { id: 'u', email: 'dana@example.com' },
    slug: { id: `slug-${appId}` }, addon_plan_names: [], output_stream_url: null, ...extra,
  };
}

export const coupling = (appId: string, stage: string) => ({ id: `c-${appId}`, app: { id: appId }, pipeline: { id: 'p1' }, stage, created_at: '', updated_at: '' });

export { fail, ok };
