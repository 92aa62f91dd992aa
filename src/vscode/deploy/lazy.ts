// Entry of dist/deploy.js (scripts/build.mjs lazyBundles): deploy and one-off dynos, loaded the first time one of
// their commands runs. Holds the build output channels for the feature's lifetime.
import type * as vscode from 'vscode';
import type { CommandContext } from '../commands';
import { runCommand, runDetachedCommand } from '../run/run-command';
import type { Services } from '../services';
import { BuildChannels } from './channels';
import { deployCommand } from './deploy-command';

export interface DeployFeature extends vscode.Disposable {
  deploy(ctx: CommandContext, arg: unknown): Promise<unknown>;
  run(ctx: CommandContext, arg: unknown): Promise<unknown>;
  runDetached(ctx: CommandContext, arg: unknown): Promise<unknown>;
}

export function createDeployFeature(services: Services): DeployFeature {
  const channels = new BuildChannels();
  return {
    deploy: (ctx, arg) => deployCommand(services, channels, ctx, arg),
    run: (ctx, arg) => runCommand(services, ctx, arg),
    runDetached: (ctx, arg) => runDetachedCommand(services, ctx, arg),
    dispose: () => channels.dispose(),
  };
}
