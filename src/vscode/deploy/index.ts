// Deploy and one-off dynos: the commands (heroku.deploy, heroku.run, heroku.runDetached) and the Procfile's
// "Run on Heroku" lens are registered here, in the main bundle; what they do lives in dist/deploy.js, required on
// the first command. One line in the composition root: ['deploy', registerDeploy].
import * as vscode from 'vscode';
import { lazyBundle } from '../lazy-bundle';
import { RunLensProvider } from '../run/codelens';
import type { Services } from '../services';
import type { DeployFeature } from './lazy';

const bundle = lazyBundle<typeof import('./lazy')>(() => require('./deploy.js'));

export const DEPLOY_COMMANDS = ['heroku.deploy', 'heroku.run', 'heroku.runDetached'] as const;

export function registerDeploy(services: Services): vscode.Disposable {
  let feature: DeployFeature | undefined;
  const get = () => (feature ??= bundle().createDeployFeature(services));
  const lens = new RunLensProvider(() => services.heroku.getClient() !== undefined);
  const subs: vscode.Disposable[] = [
    services.commands.register('heroku.deploy', (ctx, arg) => get().deploy(ctx, arg)),
    services.commands.register('heroku.run', (ctx, arg) => get().run(ctx, arg)),
    services.commands.register('heroku.runDetached', (ctx, arg) => get().runDetached(ctx, arg)),
    vscode.languages.registerCodeLensProvider({ language: 'procfile', scheme: 'file' }, lens),
    lens,
    vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('heroku.procfile.codeLens')) lens.refresh(); }),
    services.heroku.onDidChangeSession(() => lens.refresh()),
  ];
  return { dispose: () => { for (const d of subs.splice(0)) d.dispose(); feature?.dispose(); } };
}
