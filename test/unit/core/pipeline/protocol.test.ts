import assert from 'node:assert/strict';
import { parseWebviewMessage } from '../../../../src/shared/pipeline-protocol';

describe('shared/pipeline-protocol', () => {
  it('accepts the ready handshake, rendered notes and well-formed requests', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'rendered', seq: 2, cards: 5 }), { type: 'rendered', seq: 2, cards: 5 });
    assert.deepEqual(parseWebviewMessage({ type: 'request', requestId: 3, method: 'promote', params: { appId: 'a' } }),
      { type: 'request', requestId: 3, method: 'promote', params: { appId: 'a' } });
    assert.ok(parseWebviewMessage({ type: 'request', requestId: 4, method: 'retry', params: {} }));
    assert.deepEqual(parseWebviewMessage({ type: 'request', requestId: 5, method: 'tailLogs', params: { app: 'acme-web-staging' } }),
      { type: 'request', requestId: 5, method: 'tailLogs', params: { app: 'acme-web-staging' } });
  });

  it('drops anything else: unknown methods, missing or wrong params, bad ids', () => {
    for (const m of [null, 'ready', [], { type: 'request', requestId: 1, method: 'exec', params: {} },
      { type: 'request', requestId: 1.5, method: 'promote', params: { appId: 'a' } },
      { type: 'request', requestId: 1, method: 'promote', params: { appId: 7 } },
      { type: 'request', requestId: 1, method: 'diff', params: { sourceAppId: 'a' } },
      { type: 'request', requestId: 1, method: 'rollback', params: { app: 'a', releaseId: '' } },
      { type: 'request', requestId: 1, method: 'openExternal', params: 'x' },
      { type: 'request', requestId: 1, method: 'tailLogs', params: { app: '' } }]) {
      assert.equal(parseWebviewMessage(m), undefined, JSON.stringify(m));
    }
  });
});
