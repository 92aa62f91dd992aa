// Requests to the extension: each gets an id and resolves with the host's Outcome (never rejects).
import type { HostMessage, Outcome, RequestMap, RequestName, WebviewMessage } from '../../src/shared/pipeline-protocol';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
let nextId = 1;
const pending = new Map<number, (o: Outcome<unknown>) => void>();

export function post(message: WebviewMessage): void {
  vscode.postMessage(message);
}

export function request<K extends RequestName>(method: K, params: RequestMap[K]['params']): Promise<Outcome<RequestMap[K]['result']>> {
  const requestId = nextId++;
  return new Promise((resolve) => {
    pending.set(requestId, resolve as (o: Outcome<unknown>) => void);
    post({ type: 'request', requestId, method, params } as WebviewMessage);
  });
}

/** Settles a request; true when the message was a response. */
export function settle(m: HostMessage): boolean {
  if (m.type !== 'response') return false;
  const done = pending.get(m.requestId);
  pending.delete(m.requestId);
  done?.(m.result);
  return true;
}
