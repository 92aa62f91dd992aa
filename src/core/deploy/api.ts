// The deploy and one-off dyno ports (./ports.ts) on the one Platform API port of the current sign-in (a function,
// so a sign-in change is picked up); signed out reads as `no_token`. Polls skip the ETag cache.
import type { ApiProvider, HerokuApi } from '../heroku/api';
import { fail, type Result } from '../heroku/result';
import type { DeployApi, OneOffApi } from './ports';

function signedOut<T>(method: string, path: string): Result<T> {
  return fail({ id: 'no_token', message: 'Not signed in to Heroku.', status: 0, method, path });
}

export function deployApi(getApi: ApiProvider): DeployApi & OneOffApi {
  const withApi = <T>(method: string, path: string, fn: (c: HerokuApi) => Promise<Result<T>>): Promise<Result<T>> => {
    const c = getApi();
    return c ? fn(c) : Promise.resolve(signedOut<T>(method, path));
  };
  return {
    app: (app, signal) => withApi('GET', '/apps', (c) => c.app(app, { signal, cache: false })),
    createSource: (app, signal) => withApi('POST', '/sources', (c) => c.createSource(app, { signal })),
    createBuild: (app, req, signal) => withApi('POST', '/builds', (c) => c.createBuild(app, req, { signal })),
    build: (app, id, signal) => withApi('GET', '/builds', (c) => c.build(app, id, { signal, cache: false })),
    cancelBuild: (app, id, signal) => withApi('DELETE', '/builds', (c) => c.cancelBuild(app, id, { signal })),
    release: (app, id, signal) => withApi('GET', '/releases', (c) => c.release(app, id, { signal, cache: false })),
    slug: (app, id, signal) => withApi('GET', '/slugs', (c) => c.slug(app, id, { signal, cache: false })),
    createDyno: (app, req, signal) => withApi('POST', '/dynos', (c) => c.createDyno(app, req, { signal })),
    dyno: (app, dyno, signal) => withApi('GET', '/dynos', (c) => c.dyno(app, dyno, { signal, cache: false })),
    stopDyno: (app, dyno, signal) => withApi('POST', '/dynos', (c) => c.stopDyno(app, dyno, { signal })),
  };
}
