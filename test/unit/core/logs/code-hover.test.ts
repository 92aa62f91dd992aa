import * as assert from 'node:assert/strict';
import { codeAt, codeHoverMarkdown, codesIn } from '../../../../src/core/logs/code-hover';
import { errorCodeAnchor, errorCodeInfo, ERROR_CODES_URL, knownErrorCodes } from '../../../../src/core/logs/codes';

describe('core/logs/code-hover', () => {
  it('anchors follow the Dev Center headings (as linked from the page\'s table of contents)', () => {
    // Anchors seen in the page's table of contents.
    const seen: Record<string, string> = {
      H12: 'h12-request-timeout', H16: 'h16-no-longer-in-use', H13: 'h13-connection-closed-without-response',
      H25: 'h25-http-restriction', R14: 'r14-memory-quota-exceeded', R15: 'r15-memory-quota-vastly-exceeded',
      L10: 'l10-drain-buffer-overflow', L15: 'l15-tail-buffer-temporarily-unavailable', H99: 'h99-platform-error',
    };
    for (const [code, anchor] of Object.entries(seen)) assert.equal(errorCodeInfo(code)?.url, `${ERROR_CODES_URL}#${anchor}`, code);
    assert.equal(errorCodeAnchor('H16', '(No longer in use)'), 'h16-no-longer-in-use');
    for (const c of knownErrorCodes()) assert.match(c.url, /#[hrl]\d\d-[a-z0-9]+(-[a-z0-9]+)*$/, c.code);
  });

  it('finds codes where the grammar colours them: code=H12, Error R14, L10 (…)', () => {
    const router = '2026-11-24T06:31:26+00:00 heroku[router]: at=error code=H12 desc="Request timeout" method=GET path="/H10"';
    assert.deepEqual(codesIn(router).map((c) => [c.info.code, router.slice(c.start, c.end)]), [['H12', 'H12']]);
    const r14 = '2026-11-24T06:31:26+00:00 heroku[web.1]: Error R14 (Memory quota exceeded)';
    assert.equal(codeAt(r14, r14.indexOf('R14') + 1)?.info.code, 'R14');
    assert.equal(codeAt(r14, r14.indexOf('R14') + 3)?.info.code, 'R14', 'just after the code still counts (a cursor there)');
    assert.equal(codeAt(r14, r14.indexOf('Memory')), undefined);
    const l10 = '2026-11-24T06:31:26+00:00 heroku[logplex]: L10 (output buffer overflow): 500 messages dropped';
    assert.equal(codeAt(l10, l10.indexOf('L10'))?.info.code, 'L10');
    assert.equal(codesIn('path="/H10" user typed code=X12 and H12 alone').length, 0, 'a code outside those places is no code');
  });

  it('the hover: title, meaning, the family and the link', () => {
    const md = codeHoverMarkdown(errorCodeInfo('H12')!);
    assert.match(md, /^\*\*H12 · Request timeout\*\* \(Heroku router error\)\n\nThe app did not start answering/);
    assert.ok(md.endsWith(`[Dev Center: H12 - Request timeout](${ERROR_CODES_URL}#h12-request-timeout)`));
    assert.match(codeHoverMarkdown(errorCodeInfo('H35')!), /Unknown code.*\n\n.*\n\n\[Dev Center: H35 - Unknown code\]\(https:\/\/devcenter\.heroku\.com\/articles\/error-codes\)$/s);
  });
});
