/** What a Heroku CI test node prints: the setup (build of the test app), then the test command's output. */

export function ciSetupLines(stack = 'heroku-24'): string[] {
  return [
    '-----> Fetching app code', '-----> Creating test environment', '-----> Provisioning add-ons: heroku-postgresql:in-dyno',
    `-----> Building on the ${stack.replace(/^heroku-/, 'Heroku-')} stack`, '-----> Using buildpack: heroku/nodejs',
    '-----> Node.js app detected', '-----> Installing binaries', '       Resolving node version 22.x...',
    '       Downloading and installing node 22.12.0...', '-----> Installing dependencies',
    '       Installing node modules (package-lock.json)', '       added 512 packages in 11s', '-----> Build succeeded!',
    '-----> Running test setup: `npm run test-setup`', '       Database schema loaded', '-----> Test setup completed',
  ];
}

export interface CiCase {
  suite: string;
  name: string;
}

/** A failing case: the assertion that failed, as mocha prints it. */
export interface CiFailure extends CiCase {
  message: string;
  at: string;
}

const CASES: CiCase[] = [
  { suite: 'invoices', name: 'totals line items' }, { suite: 'invoices', name: 'rounds to cents' },
  { suite: 'invoices', name: 'exports a CSV with one row per line item' }, { suite: 'orders', name: 'lists orders newest first' },
  { suite: 'orders', name: 'refunds a whole order' }, { suite: 'webhooks', name: 'retries a failed delivery with backoff' },
];

export const DEFAULT_FAILURE: CiFailure = {
  suite: 'orders', name: 'refunds a partial order',
  message: 'AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:\n\n4250 !== 4200\n', at: 'test/orders.test.js:42:12',
};

/** mocha's spec output for the cases; with `failure`, that case fails and the command exits 1. */
export function ciTestLines(failure?: CiFailure, cases: readonly CiCase[] = CASES): string[] {
  const all = failure ? [...cases, failure] : [...cases];
  const lines = ['-----> Running test command `npm test`...', '', '> acme-web@1.0.0 test', '> mocha --reporter spec', ''];
  let suite = '';
  for (const c of all) {
    if (c.suite !== suite) {
      lines.push(`  ${c.suite}`);
      suite = c.suite;
    }
    lines.push(c === failure ? `    1) ${c.name}` : `    ✔ ${c.name}`);
  }
  lines.push('', `  ${cases.length} passing (1s)`);
  if (!failure) return [...lines, '', '-----> npm test exited with status 0', '-----> Tests passed'];
  return [
    ...lines, '  1 failing', '', `  1) ${failure.suite}`, `       ${failure.name}:`, '',
    ...failure.message.split('\n').map((l) => (l ? `      ${l}` : '')), `      at Context.<anonymous> (${failure.at})`, '',
    '-----> npm test exited with status 1', '-----> Tests failed',
  ];
}
