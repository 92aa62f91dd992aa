// Entry of dist/local-io.js (scripts/build.mjs lazyBundles): the local runner's Node side, which the composition
// root (src/vscode/compose.ts) loads the first time a Procfile runs locally and hands over as one LocalIo.
import type { LocalIo } from '../../core/runner/supervisor-port';
import { ProcessSupervisor } from './supervisor';

export function createLocalIo(): LocalIo {
  return {
    // ProcessSupervisor's signals are NodeJS.Signals; the port says string: the same values.
    createSupervisor: (listener, settings) => new ProcessSupervisor(listener, settings),
  };
}
