// Every command the pipelines feature registers (stubbed while dist/pipeline.js loads). No imports: unit tests read it.
export const PIPELINE_COMMANDS: readonly string[] = [
  'heroku.openPipeline', 'heroku.showReleases', 'heroku.pipelines.refresh', 'heroku.pipelines.getChildren', 'heroku.pipeline.testState',
];
