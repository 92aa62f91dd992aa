// Entry point of dist/manifest.js (scripts/build.mjs `lazyBundles`): the app.json and heroku.yml linters and the
// heroku.yml help, with yaml and the schemas. The feature shell (./index.ts) requires it on first use, so a
// workspace that never opens a manifest never loads it.
export { lintAppJsonInEditor, lintHerokuYmlInEditor } from './manifest-lint';
export { HerokuYmlCompletionProvider, HerokuYmlHoverProvider } from './heroku-yml-help';
// Every kind's linter (Procfile too), for the deploy's preflight (compose.ts): one copy of yaml and the schemas.
export { lintFile } from '../../core/lint/registry';
