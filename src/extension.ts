// The entry VS Code loads (dist/extension.js, a few KB). activate() registers a stub for every command the
// extension offers and requires the composition root (src/vscode/compose.ts, built as dist/main.js) on the next
// tick, or at once when a stub runs or the API is read. VS Code waits for activate() before it goes on with the
// activation event (and other extensions): see docs/PERFORMANCE.md for what each part costs.
import type * as vscode from 'vscode';
import type { ExtensionApi } from './vscode/compose';
import { deferFeature } from './vscode/deferred';
import { INTERNAL_COMMANDS } from './vscode/internal-commands';
import { lazyBundle } from './vscode/lazy-bundle';

export type { ExtensionApi } from './vscode/compose';

const main = lazyBundle<typeof import('./vscode/compose')>(() => require('./main.js'));

/** The command ids of package.json's contributes.commands (what the palette, menus and keybindings can run). */
function contributedCommands(context: vscode.ExtensionContext): string[] {
  const commands = (context.extension.packageJSON as { contributes?: { commands?: { command?: unknown }[] } }).contributes?.commands;
  return (commands ?? []).map((c) => c.command).filter((c): c is string => typeof c === 'string');
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const activated = performance.now();
  let api: ExtensionApi | undefined;
  let failure: unknown;
  const ids = [...contributedCommands(context), ...INTERNAL_COMMANDS];
  const deferred = deferFeature('extension', ids, () => {
    try {
      api = main().compose(context, activated);
    } catch (err) {
      failure = err;
      throw err;
    }
  }, { error: (message, err) => console.error(`[heroku-workflows] ${message}`, err) });
  context.subscriptions.push(deferred);
  return {
    get services() {
      deferred.start();
      if (!api) throw new Error(`Heroku Workflows did not start: ${failure instanceof Error ? failure.message : String(failure)}`);
      return api.services;
    },
    get composedAt() {
      deferred.start();
      return api?.composedAt ?? Number.NaN;
    },
  };
}

export function deactivate(): void {
  // Everything is on context.subscriptions.
}
