// What other parts of core may use of the app.json linter (heroku.yml's check of app.json's stack). Everything
// else in this folder is private to it; lint (eslint.config.mjs) keeps core/herokuyml to this entry.
export { detectForeign } from './foreign';
