// Entry of dist/deploy-io.js (scripts/build.mjs lazyBundles): the deploy feature's Node side (disk, tar, HTTP,
// git, TLS), which the composition root loads on the first deploy or run and hands over as one DeployIo.
import { deployApi } from '../../core/deploy/api';
import type { DeployIo } from '../../core/deploy/ports';
import type { ApiProvider } from '../../core/heroku/api';
import { connectRendezvous } from '../rendezvous/client';
import { verifyRendezvousCertificate } from '../rendezvous/tls-policy';
import { connectSsh } from '../rendezvous/ssh-session';
import { nodeDeployPorts } from './node-ports';
import { preflight, type LintFileFn } from './preflight';

/** `lint`: core/lint/registry's lintFile, as the composition root has it loaded (see preflight.ts). */
export function createDeployIo(getApi: ApiProvider, apiUrl: () => string, lint: LintFileFn): DeployIo {
  const ports = nodeDeployPorts(getApi);
  return {
    ports,
    clock: ports.clock,
    connectSsh,
    oneOff: deployApi(getApi),
    preflight: (folder, overrides) => preflight(folder, lint, overrides),
    connect: connectRendezvous,
    verifyCertificate: verifyRendezvousCertificate,
    apiUrl,
  };
}
