// The deploy and one-off dyno ports (core/deploy/ports.ts) on top of the Platform API client's generic calls.
// A function of `getClient` so a sign-in change is picked up; signed out reads as `no_token`.
import type { DeployApi, OneOffApi } from '../../core/deploy/ports';
import { fail, type Result } from '../../core/heroku/result';
import type { HerokuClient } from './client';

const seg = encodeURIComponent;

function signedOut<T>(method: string, path: string): Result<T> {
  return fail({ id: 'no_token', message: 'Not signed in to Heroku.', status: 0, method, path });
}

export function deployApi(getClient: () => HerokuClient | undefined): DeployApi & OneOffApi {
  const withClient = <T>(method: string, path: string, fn: (c: HerokuClient) => Promise<Result<T>>): Promise<Result<T>> => {
    const c = getClient();
    return c ? fn(c) : Promise.resolve(signedOut<T>(method, path));
  };
  return {
    app: (app, signal) => withClient('GET', `/apps/${seg(app)}`, (c) => c.app(app, { signal, cache: false })),
    createSource: (app, signal) => withClient('POST', `/apps/${seg(app)}/sources`, (c) => c.one('POST', `/apps/${seg(app)}/sources`, { signal })),
    createBuild: (app, req, signal) => withClient('POST', `/apps/${seg(app)}/builds`, (c) => c.one('POST', `/apps/${seg(app)}/builds`, { signal }, req)),
    build: (app, id, signal) => {
      const path = `/apps/${seg(app)}/builds/${seg(id)}`;
      return withClient('GET', path, (c) => c.one('GET', path, { signal, cache: false }));
    },
    cancelBuild: (app, id, signal) => {
      const path = `/apps/${seg(app)}/builds/${seg(id)}`;
      return withClient('DELETE', path, (c) => c.empty('DELETE', path, { signal }));
    },
    release: (app, id, signal) => {
      const path = `/apps/${seg(app)}/releases/${seg(id)}`;
      return withClient('GET', path, (c) => c.one('GET', path, { signal, cache: false }, undefined, '3.sdk'));
    },
    slug: (app, id, signal) => {
      const path = `/apps/${seg(app)}/slugs/${seg(id)}`;
      return withClient('GET', path, (c) => c.one('GET', path, { signal, cache: false }));
    },
    createDyno: (app, req, signal) => {
      const path = `/apps/${seg(app)}/dynos`;
      return withClient('POST', path, (c) => c.one('POST', path, { signal }, req, '3.sdk'));
    },
    stopDyno: (app, dyno, signal) => withClient('POST', `/apps/${seg(app)}/dynos/${seg(dyno)}/actions/stop`, (c) => c.stopDyno(app, dyno, { signal })),
  };
}
