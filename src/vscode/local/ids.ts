// The local runner's ids, shared by the main bundle (index.ts) and dist/local.js.
export const LOCAL_VIEW = 'heroku.local';
/** The task type: `{ "type": "heroku", "process": "web" }`. */
export const LOCAL_TASK_TYPE = 'heroku';
/** The task type's first name, kept as an alias (tasks.json files that use it keep working). */
export const LOCAL_TASK_ALIAS = 'heroku-local';
/** While something runs, the view redraws this often (the uptimes; they are shown in minutes). */
export const UPTIME_REFRESH_MS = 30_000;
/** Set while any local process runs (the view's "Stop All" button). */
export const ANY_RUNNING_KEY = 'heroku.local.anyRunning';
export const LOCAL_TEST_STATE = 'heroku.local.testState';
/** Writes the config vars a run was given into the Procfile folder's .env (a modal yes first; values never shown). */
export const SAVE_ENV = 'heroku.local.saveConfigToEnv';
