// Commands the extension registers but package.json does not contribute (run by code actions, CodeLens, tree
// items and tests). src/extension.ts stubs them with the contributed ones until the composition root has started;
// test/unit/vscode/command-ids.test.ts keeps this list in step with the sources. No imports: it ships in the entry.
export const INTERNAL_COMMANDS: readonly string[] = [
  'heroku.explorer.getChildren', 'heroku.explorer.loadMore', 'heroku.lint.useLfLineEndings', 'heroku.procfile.scale',
  'heroku.statusBar.refresh', 'heroku.pipelines.getChildren', 'heroku.pipeline.testState',
  'heroku.logs.manage', 'heroku.logs.testState', 'heroku.local.testState', 'heroku.local.saveConfigToEnv',
];
