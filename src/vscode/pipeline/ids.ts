// What the composition root needs to start the pipelines feature lazily: its commands are stubbed until
// dist/pipeline.js has loaded (command-ids.ts), then the feature registers them itself.
import type * as vscode from 'vscode';
import { deferFeature } from '../deferred';
import { lazyBundle } from '../lazy-bundle';
import type { Services } from '../services';
import { PIPELINE_COMMANDS } from './command-ids';

// dist/pipeline.js: the Pipelines view, the diagram and timeline panels, their commands.
const pipeline = lazyBundle<typeof import('./register')>(() => require('./pipeline.js'));

/** One line in compose.ts: ['pipelines', registerPipelinesLazily]. */
export function registerPipelinesLazily(s: Services): vscode.Disposable {
  return deferFeature('pipelines', PIPELINE_COMMANDS, () => pipeline().registerPipelines(s), s.log);
}
