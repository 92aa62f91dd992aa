// The local runner's ids, shared by the main bundle (index.ts) and dist/local.js.
export const LOCAL_VIEW = 'heroku.local';
export const LOCAL_TASK_TYPE = 'heroku-local';
/** Set while any local process runs (the view's "Stop All" button). */
export const ANY_RUNNING_KEY = 'heroku.local.anyRunning';
export const LOCAL_TEST_STATE = 'heroku.local.testState';
