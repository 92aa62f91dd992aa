// What the composition root needs to start the pipelines feature lazily: its command ids (stubbed until
// dist/pipeline.js has loaded) and the one registration function. No imports beyond the deferral helpers.
import type * as vscode from 'vscode';
import { deferFeature } from '../deferred';
import { lazyBundle } from '../lazy-bundle';
import type { Services } from '../services';

export const PIPELINE_COMMANDS: readonly string[] = [
  'heroku.openPipeline', 'heroku.showReleases', 'heroku.pipelines.refresh', 'heroku.pipelines.getChildren', 'heroku.pipeline.testState',
];

// dist/pipeline.js: the Pipelines view, the diagram and timeline panels, their commands.
const pipeline = lazyBundle<typeof import('./register')>(() => require('./pipeline.js'));

/** One line in compose.ts: ['pipelines', registerPipelinesLazily]. */
export function registerPipelinesLazily(s: Services): vscode.Disposable {
  return deferFeature('pipelines', PIPELINE_COMMANDS, () => pipeline().registerPipelines(s), s.log);
}
