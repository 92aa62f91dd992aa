// A feature that starts right after activation instead of during it: its commands exist at once as stubs that
// start the feature first (then run the real command), and a zero-delay timer starts it otherwise. src/extension.ts
// defers the whole composition root this way (VS Code waits for activate(); docs/PERFORMANCE.md), and the
// composition root defers the explorer, whose tree view, watchers and two dozen commands cost the most.
import * as vscode from 'vscode';

export interface DeferredFeature extends vscode.Disposable {
  /** Starts the feature now if it has not started (a no-op after dispose). */
  start(): void;
}

export function deferFeature(name: string, commandIds: readonly string[], start: () => vscode.Disposable | void,
  log: { error(message: string, err?: unknown): void }): DeferredFeature {
  let state: 'waiting' | 'started' | 'disposed' = 'waiting';
  let started: vscode.Disposable | void;
  const ensure = (): void => {
    if (state !== 'waiting') return;
    state = 'started';
    for (const s of stubs.splice(0)) s.dispose(); // the feature registers the real commands under the same ids
    try {
      started = start();
    } catch (err) {
      log.error(`feature ${name} failed to start`, err);
    }
  };
  const stubs = [...new Set(commandIds)].map((id) => vscode.commands.registerCommand(id, (...args: unknown[]) => {
    ensure();
    return vscode.commands.executeCommand(id, ...args);
  }));
  const timer = setTimeout(ensure, 0);
  return {
    start: ensure,
    dispose: () => {
      state = 'disposed';
      clearTimeout(timer);
      for (const s of stubs.splice(0)) s.dispose();
      started?.dispose();
    },
  };
}
