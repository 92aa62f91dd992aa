// The extension <-> webview protocol of the pipeline diagram and the release timeline (one bundle, two modes).
// The webview says `ready` once its listener is installed; the host answers with the current model and then
// pushes every change. Requests carry an id; each gets exactly one `response` whose result is a value (errors
// too: nothing is thrown across the boundary). Imports only the model types.
import type { PipelineDiagram, ReleaseTimeline, StageDiff } from './pipeline-model';

export type ViewMode = 'pipeline' | 'releases';

/** A result as a value: what the host answers to a request. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

/** Each request the webview may send: its params and the value of a successful answer. */
export interface RequestMap {
  /** Read everything again (or only the part named by a failure's retryKey). */
  retry: { params: { retryKey?: string }; result: null };
  /** Promote an app's current release to the apps of the next stage (the host asks for confirmation). */
  promote: { params: { appId: string }; result: PromotionState | null };
  /** The commits between two apps' deployed commits, from the local git history. */
  diff: { params: { sourceAppId: string; targetAppId: string }; result: StageDiff };
  /** The output of a Heroku CI run's failed nodes, into an output channel. */
  ciOutput: { params: { runId: string }; result: null };
  /** The release timeline of an app (opens the releases view). */
  openReleases: { params: { app: string }; result: null };
  /** Tail an app's logs into its output channel (heroku.tailLogs). */
  tailLogs: { params: { app: string }; result: null };
  /** Release-phase output of one release into an output channel (waits for the phase to start). */
  releaseOutput: { params: { app: string; releaseId: string }; result: null };
  /** Roll an app back to a release (the host asks for confirmation). */
  rollback: { params: { app: string; releaseId: string }; result: string | null };
  /** Open a URL (only https links to known repository hosts are honoured). */
  openExternal: { params: { url: string }; result: null };
}

export type RequestName = keyof RequestMap;

export type WebviewMessage =
  | { type: 'ready' }
  | { [K in RequestName]: { type: 'request'; requestId: number; method: K; params: RequestMap[K]['params'] } }[RequestName]
  /** The webview drew a model (for tests and the benchmark): how many cards it shows. */
  | { type: 'rendered'; seq: number; cards: number };

export interface PromotionTargetState {
  appId: string;
  name: string;
  status: 'pending' | 'succeeded' | 'failed' | (string & {});
  error?: string;
}

/** A promotion as it goes: one per source app, replaced until `done`. */
export interface PromotionState {
  sourceAppId: string;
  /** "acme-web-staging v16". */
  source: string;
  targets: PromotionTargetState[];
  done: boolean;
  /** The outcome in plain words once done (names every failed target with Heroku's message). */
  text?: string;
  failed?: boolean;
}

export type HostMessage =
  | { type: 'diagram'; seq: number; diagram: PipelineDiagram }
  | { type: 'timeline'; seq: number; timeline: ReleaseTimeline }
  | { type: 'loading'; loading: boolean }
  | { type: 'promotion'; state: PromotionState }
  | { type: 'response'; requestId: number; result: Outcome<unknown> };

const METHODS: readonly RequestName[] = ['retry', 'promote', 'diff', 'ciOutput', 'openReleases', 'tailLogs', 'releaseOutput', 'rollback', 'openExternal'];

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length < 2048;

/** Checks the params of each request: the webview is our code, but its input is the API's data. */
function validParams(method: RequestName, p: Record<string, unknown>): boolean {
  switch (method) {
    case 'retry': return p.retryKey === undefined || str(p.retryKey);
    case 'promote': return str(p.appId);
    case 'diff': return str(p.sourceAppId) && str(p.targetAppId);
    case 'ciOutput': return str(p.runId);
    case 'openReleases':
    case 'tailLogs': return str(p.app);
    case 'releaseOutput':
    case 'rollback': return str(p.app) && str(p.releaseId);
    case 'openExternal': return str(p.url);
  }
}

/** A message from the webview, or undefined when it is not one of ours (the host ignores it). */
export function parseWebviewMessage(v: unknown): WebviewMessage | undefined {
  if (!isObj(v)) return undefined;
  if (v.type === 'ready') return { type: 'ready' };
  if (v.type === 'rendered' && typeof v.seq === 'number' && typeof v.cards === 'number') return { type: 'rendered', seq: v.seq, cards: v.cards };
  if (v.type !== 'request' || typeof v.requestId !== 'number' || !Number.isSafeInteger(v.requestId)) return undefined;
  const method = v.method as RequestName;
  if (!METHODS.includes(method) || !isObj(v.params) || !validParams(method, v.params)) return undefined;
  return { type: 'request', requestId: v.requestId, method, params: v.params } as WebviewMessage;
}
