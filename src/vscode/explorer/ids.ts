// Every command the explorer registers (register.ts, app-actions.ts, config-actions.ts, env-sync.ts). The
// composition root registers these as stubs while dist/explorer.js loads after activation (src/vscode/deferred.ts);
// test/unit/vscode/explorer-ids.test.ts keeps the list in step with the sources. No imports: it ships in the main bundle.
// heroku.explorer.getChildren (for tests) is registered only outside Production mode; in an installed extension
// its stub goes away when the explorer starts and nothing replaces it.
export const EXPLORER_COMMANDS: readonly string[] = [
  'heroku.explorer.refresh', 'heroku.explorer.loadMore', 'heroku.explorer.getChildren', 'heroku.explorer.copyName',
  'heroku.app.open', 'heroku.app.openDashboard', 'heroku.app.restart', 'heroku.app.maintenanceOn', 'heroku.app.maintenanceOff',
  'heroku.formation.restart', 'heroku.formation.scale', 'heroku.dyno.restart', 'heroku.release.rollback',
  'heroku.app.promote', 'heroku.app.promoteToStaging', 'heroku.app.promoteToProduction',
  'heroku.configVar.reveal', 'heroku.configVar.hide', 'heroku.configVar.copyValue', 'heroku.configVar.add',
  'heroku.configVar.edit', 'heroku.configVar.remove', 'heroku.config.revealAll', 'heroku.config.hideAll',
  'heroku.config.pull', 'heroku.config.push',
];
