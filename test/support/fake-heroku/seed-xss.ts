import type { AppSeed, WorldSeed } from './seed';

/**
 * The `xss` seed: a pipeline world whose every free-text field holds markup, for the webview's e2e test (nothing
 * may run, every payload must show as text). App and pipeline names stay as valid as Heroku allows.
 */
export const XSS_PAYLOADS = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)', '</style>'] as const;
const [SCRIPT, IMG, JS, STYLE] = XSS_PAYLOADS;

const NOW = '2026-11-24T08:00:00Z';

function app(name: string, stage: string, extra: Partial<AppSeed> = {}): AppSeed {
  return {
    name, team: 'xss-team', region: 'us', stack: 'heroku-24', buildpacks: ['heroku/nodejs'], created_at: '2026-01-05T10:00:00Z',
    formation: [{ type: 'web', quantity: 1, size: 'basic', command: `node -e "console.log('${SCRIPT}')"` }],
    dynos: [{ name: 'web.1', state: 'up' }],
    config: { NODE_ENV: stage, BANNER_HTML: `${IMG}${STYLE}`, HOMEPAGE: JS },
    domains: [],
    releases: {
      count: 5,
      descriptions: { 2: `Set ${SCRIPT} config vars`, 3: `Deploy ${IMG}`, 4: `Deploy ${JS}`, 5: `Deploy ${STYLE}${SCRIPT}` },
    },
    commit_messages: [`Fix ${SCRIPT} in the header`, `Merge branch '${IMG}'`, `Link to ${JS}`, `Close ${STYLE} early`],
    ...extra,
  };
}

export function xssWorld(): WorldSeed {
  return {
    now: NOW,
    account: {
      email: `${SCRIPT}@xss.test`, name: `${IMG}${STYLE}`, two_factor_authentication: false, two_factor_code: '424242',
      created_at: '2025-01-01T00:00:00Z', default_team: 'xss-team',
    },
    teams: [{ name: 'xss-team', role: 'admin', created_at: '2025-01-01T00:00:00Z' }],
    spaces: [],
    apps: [
      app('xss-script-alert-1', 'production'), app('xss-img-onerror', 'staging'), app('javascript-alert-1', 'development'),
      app('xss-style-close', 'review', { releases: { count: 3, failed: [3], output: [3], descriptions: { 3: `Deploy ${SCRIPT}` } } }),
    ],
    addons: [],
    pipelines: [{
      name: 'xss-pipeline', team: 'xss-team', created_at: '2026-01-05T10:00:00Z',
      couplings: [
        { app: 'xss-style-close', stage: 'review' }, { app: 'javascript-alert-1', stage: 'development' },
        { app: 'xss-img-onerror', stage: 'staging' }, { app: 'xss-script-alert-1', stage: 'production' },
      ],
      review_apps: [
        { app: 'xss-style-close', branch: `${STYLE}${SCRIPT}`, pr_number: 1, status: 'created', created_at: '2026-11-23T10:00:00Z' },
        { branch: IMG, pr_number: 2, status: 'errored', created_at: '2026-11-23T11:00:00Z', error_status: SCRIPT, message: `Build failed: ${IMG}` },
        { branch: JS, pr_number: 3, status: 'creating', created_at: '2026-11-24T07:59:00Z' },
      ],
      test_runs: [
        { number: 1, branch: SCRIPT, message: `Add ${IMG}`, status: 'succeeded', created_at: '2026-11-23T09:00:00Z', actor: `${JS}@xss.test` },
        {
          number: 2, branch: IMG, message: `Fix ${STYLE}${SCRIPT}`, status: 'failed', created_at: '2026-11-23T12:00:00Z',
          cases: [{ suite: SCRIPT, name: `renders ${IMG}` }],
          failure: { suite: STYLE, name: `escapes ${JS}`, message: `AssertionError: expected '${SCRIPT}' to equal '&lt;script&gt;'`, at: 'test/xss.test.js:1:1' },
          setup: ['-----> Fetching app code', `-----> Building ${SCRIPT}`, `       ${IMG}`, `       ${STYLE}`, '-----> Test setup completed'],
        },
        { number: 3, branch: STYLE, message: JS, status: 'running', created_at: '2026-11-24T07:55:00Z' },
      ],
    }],
  };
}
