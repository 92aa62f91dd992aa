import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { Faults, type FaultSpec } from './faults';
import { Router } from './router';
import { accountRoutes } from './routes/account';
import { appRoutes } from './routes/apps';
import { addonRoutes } from './routes/addons';
import { buildRoutes } from './routes/builds';
import { configRoutes } from './routes/config';
import { featureRoutes } from './routes/features';
import { controlRoutes } from './routes/control';
import { domainRoutes } from './routes/domains';
import { dynoRoutes } from './routes/dynos';
import { formationRoutes } from './routes/formation';
import { logRoutes, type LogRuntime } from './routes/logs';
import { OneOffDynos } from './oneoff/dynos';
import { ciRoutes } from './routes/ci';
import { couplingRoutes } from './routes/couplings';
import { pipelineRoutes } from './routes/pipelines';
import { reviewAppRoutes } from './routes/review-apps';
import { releaseRoutes } from './routes/releases';
import { sourceRoutes } from './routes/sources';
import { SelfCheck, type SchemaViolation } from './schema/self-check';
import { seedState, type SeedName } from './seed';
import { FakeServer, type RecordedRequest } from './server';
import { FakeState } from './state/store';

export type { FaultSpec, RecordedRequest, SchemaViolation, SeedName };
export { FakeState };

export interface FakeHerokuOptions {
  seed?: SeedName;
  /** Extra generated apps (`load-app-0001` ...), e.g. 1000 for paging tests and benchmarks. */
  apps?: number;
  /** The API key to accept; random when absent. */
  apiKey?: string;
  /** 0 (default) picks an ephemeral port. */
  port?: number;
  /** Interval between lines of a tailing log stream. */
  logIntervalMs?: number;
  /**
   * Validate every 2xx JSON body the fake sends against the Platform API schema and record violations
   * (`violations`, `GET /__fake/violations`). Default true; benchmarks turn it off to time the client alone.
   */
  validate?: boolean;
  /** Called with each violation as it is recorded (the CLI prints them). */
  onViolation?: (v: SchemaViolation) => void;
  /**
   * The fake's clock in ms (default Date.now), kept across reset(): a test that moves it by hand sees builds, release
   * phases and CI runs advance exactly when it says, and output streams follow within 250 ms.
   */
  clock?: () => number;
}

export interface FakeHeroku {
  readonly url: string;
  readonly apiKey: string;
  /** The live state: read and change it directly; replaced by reset(). */
  readonly state: FakeState;
  readonly faults: Faults;
  readonly requests: RecordedRequest[];
  /** Back to the seed: fresh state, no faults, no recorded requests. */
  reset(opts?: { seed?: SeedName; apps?: number }): void;
  /** Every route the fake serves (method + pattern such as `/apps/:app/formation/:type`). */
  readonly routes: readonly { method: string; pattern: string }[];
  /** Answers that did not match the schema (empty when `validate` is off); kept across reset(). */
  readonly violations: readonly SchemaViolation[];
  close(): Promise<void>;
}

/** Starts the fake Heroku Platform API + logplex on 127.0.0.1. The caller must close() it. */
export async function startFakeHeroku(opts: FakeHerokuOptions = {}): Promise<FakeHeroku> {
  const apiKey = opts.apiKey ?? `HRKU-fake-${randomBytes(16).toString('hex')}`;
  let seed: SeedName = opts.seed ?? 'demo';
  let extra = opts.apps ?? 0;
  const clock = opts.clock ?? Date.now;
  let state = new FakeState(clock);
  seedState(state, seed, extra);
  const faults = new Faults();
  const requests: RecordedRequest[] = [];
  const runtime: LogRuntime = { logIntervalMs: opts.logIntervalMs ?? 1000, streams: new Set() };
  // Build, release-phase and CI output streams, ended by close().
  const outputStreams = new Set<ServerResponse>();
  const oneOff = new OneOffDynos();
  const reset = (o: { seed?: SeedName; apps?: number } = {}): void => {
    seed = o.seed ?? seed;
    extra = o.apps ?? extra;
    state = new FakeState(clock);
    seedState(state, seed, extra);
    faults.clear();
    requests.length = 0;
    void oneOff.killAll();
  };
  const selfCheck = opts.validate === false ? undefined : new SelfCheck(opts.onViolation);
  const router = new Router();
  controlRoutes(router, { faults, requests, reset, selfCheck });
  accountRoutes(router);
  appRoutes(router);
  formationRoutes(router);
  dynoRoutes(router, oneOff);
  configRoutes(router);
  releaseRoutes(router, outputStreams);
  sourceRoutes(router);
  addonRoutes(router);
  domainRoutes(router);
  pipelineRoutes(router);
  couplingRoutes(router);
  reviewAppRoutes(router);
  ciRoutes(router, outputStreams);
  featureRoutes(router);
  buildRoutes(router, outputStreams);
  logRoutes(router, runtime);
  const server = new FakeServer({ apiKey, router, faults, requests, getState: () => state, selfCheck });
  const url = await server.listen(opts.port ?? 0);
  return {
    url, apiKey, faults, requests, reset, routes: router.list(), violations: selfCheck?.violations ?? [],
    get state() { return state; },
    close: async () => {
      for (const res of [...runtime.streams, ...outputStreams]) res.end();
      await oneOff.close();
      await server.close();
    },
  };
}
