// The one client for the fake Heroku's control routes (/__fake/*, test/support/fake-heroku/README.md), over HTTP,
// so unit tests, host tests (whose fake runs in the runner's process) and e2e specs use the same calls.
import type { FaultSpec, RecordedRequest, SchemaViolation, SeedName } from './fake-heroku';
import { waitFor } from './wait';

/** The parts of `GET /__fake/state` tests read (records as arrays, per-app maps keyed by app id). */
export interface FakeStateDump {
  apps: { id: string; name: string; maintenance: boolean }[];
  formation: { appId: string; type: string; quantity: number; size: string }[];
  dynos: { appId: string; name: string; type: string; state: string }[];
  releases: { appId: string; version: number; description: string; status: string }[];
  configVars: Record<string, Record<string, string>>;
  /** Enabled feature names per app id. */
  features: Record<string, string[]>;
  /** Uploaded source blobs, by size (not their bytes). */
  sources: Record<string, unknown>[];
  rateLimitRemaining: number;
}

/** `GET /__fake/violations`: what the fake's schema self-check recorded (`validating` false: nothing is checked). */
export interface FakeViolations {
  validating: boolean;
  count: number;
  violations: SchemaViolation[];
}

export class FakeControl {
  constructor(readonly url: string, readonly apiKey: string) {}

  private async call(method: string, route: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${this.url}/__fake/${route}`, {
      method,
      headers: { Authorization: `Bearer ${this.apiKey}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} /__fake/${route} answered ${res.status}: ${text.slice(0, 200)}`);
    return text === '' ? undefined : JSON.parse(text);
  }

  /** Fresh state from the seed, no faults, no recorded requests. */
  async reset(o: { seed?: SeedName; apps?: number } = {}): Promise<void> {
    await this.call('POST', 'reset', o);
  }

  /** `POST /__fake/logs`: an app's log script (bulk mode, cuts, silences: the fake's README, "Scripts"). */
  async logScript(app: string, script: Record<string, unknown>): Promise<void> {
    await this.call('POST', 'logs', { app, ...script });
  }

  async addFaults(...specs: FaultSpec[]): Promise<void> {
    await this.call('POST', 'faults', specs);
  }

  async clearFaults(): Promise<void> {
    await this.call('DELETE', 'faults');
  }

  requests(): Promise<RecordedRequest[]> {
    return this.call('GET', 'requests') as Promise<RecordedRequest[]>;
  }

  async clearRequests(): Promise<void> {
    await this.call('DELETE', 'requests');
  }

  state(): Promise<FakeStateDump> {
    return this.call('GET', 'state') as Promise<FakeStateDump>;
  }

  violations(): Promise<FakeViolations> {
    return this.call('GET', 'violations') as Promise<FakeViolations>;
  }

  async clearViolations(): Promise<void> {
    await this.call('DELETE', 'violations');
  }

  /** The fake's knobs (`PATCH /__fake/state`: buildStepMs, releasePhaseStepMs, promotionMs…). */
  async patchState(knobs: Record<string, unknown>): Promise<void> {
    await this.call('PATCH', 'state', knobs);
  }

  /** What the Platform API cannot change (`PATCH /__fake/apps/:app`): an app's generation (Fir sets the `cnb` stack). */
  async patchApp(app: string, patch: { generation: 'cedar' | 'fir' }): Promise<void> {
    await this.call('PATCH', `apps/${encodeURIComponent(app)}`, patch);
  }

  async setRateLimit(remaining: number): Promise<void> {
    await this.call('PATCH', 'state', { rateLimitRemaining: remaining });
  }

  /** The id of an app of the seed, by name. */
  async appId(name: string): Promise<string> {
    const id = (await this.state()).apps.find((a) => a.name === name)?.id;
    if (!id) throw new Error(`the fake has no app ${name}`);
    return id;
  }

  /** Resolves with the recorded requests once one matches `pred` (the fake's request log is the condition). */
  waitForRequest(what: string, pred: (r: RecordedRequest) => boolean, ms?: number): Promise<RecordedRequest[]> {
    return waitFor(what, async () => {
      const seen = await this.requests();
      return seen.some(pred) ? seen : undefined;
    }, ms);
  }
}
