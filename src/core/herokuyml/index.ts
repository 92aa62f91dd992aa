// What other parts of core may use of the heroku.yml linter (app.json's cross-file checks). Everything else in
// this folder is private to it; lint (eslint.config.mjs) keeps core/appjson to this entry.
export { processTypesFromHerokuYml } from './process-types';
