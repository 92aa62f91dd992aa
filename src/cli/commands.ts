// Entry of dist/cli-commands.js (scripts/bundles.mjs cliBundles): every subcommand but `local`, which has a bundle
// of its own so that it starts its processes without parsing the API client, deploy and the linters first.
export { deploy } from './deploy/index';
export { lint } from './lint/index';
export { logs } from './logs/index';
export { pipelines, releases } from './pipelines/index';
export { runDyno } from './run-dyno/index';
