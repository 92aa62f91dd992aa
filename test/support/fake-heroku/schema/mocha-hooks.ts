// A mocha root hook for the unit suite (.mocharc.json `require`): after each test, any schema violation a fake
// Heroku recorded in this process fails the test run, naming the request and what did not match. A test that
// wants a malformed answer uses a `body` or `malformed` fault, which the self-check does not look at.
import { describeViolation, takeProcessViolations } from './self-check';

export const mochaHooks = {
  afterEach(this: { currentTest?: { fullTitle(): string } }): void {
    const found = takeProcessViolations();
    if (found.length === 0) return;
    const title = this.currentTest?.fullTitle() ?? 'a test';
    throw new Error(`the fake Heroku sent ${found.length} answer(s) that do not match the Platform API schema during "${title}":\n${found.map(describeViolation).join('\n')}`);
  },
};
