// A deploy's steps as a state machine fed by events: lint -> pack -> upload -> build -> release. Every view
// (output channel, progress notification, CLI) renders the same state; nothing here does I/O or reads a clock.
import { explainFailure, firstErrorLines, type Explanation } from './explain';

export type StepName = 'lint' | 'pack' | 'upload' | 'build' | 'release';
export type StepStatus = 'pending' | 'running' | 'done' | 'failed' | 'skipped' | 'cancelled';
export const STEP_ORDER: readonly StepName[] = ['lint', 'pack', 'upload', 'build', 'release'];

export const STEP_TITLES: Record<StepName, string> = {
  lint: 'Check Procfile, app.json and heroku.yml',
  pack: 'Pack the source',
  upload: 'Upload the source',
  build: 'Build',
  release: 'Release',
};

export type DeployEvent =
  | { type: 'step'; step: StepName; status: 'running' | 'done' | 'skipped'; detail?: string }
  | { type: 'progress'; step: StepName; done: number; total: number }
  | { type: 'output'; step: 'build' | 'release'; text: string }
  | { type: 'note'; text: string }
  | { type: 'failed'; step: StepName; message: string; exitCode?: number }
  | { type: 'cancelled'; note?: string }
  | { type: 'succeeded'; release: { id: string; version: number } | null; webUrl: string | null; buildId: string };

export interface StepState {
  status: StepStatus;
  detail?: string;
  progress?: { done: number; total: number };
}

export type Outcome =
  | { kind: 'succeeded'; release: { id: string; version: number } | null; webUrl: string | null; buildId: string }
  | { kind: 'failed'; step: StepName; message: string; errorLines: string[]; explanation?: Explanation }
  | { kind: 'cancelled'; step: StepName | undefined; note?: string };

export interface DeployState {
  steps: Record<StepName, StepState>;
  current: StepName | undefined;
  notes: string[];
  outcome: Outcome | undefined;
}

/** Lines of output kept per step for the failure summary (the stream itself goes to the views as it comes). */
const KEPT_LINES = 400;

export class DeployTracker {
  /** `hasProcfile`: from the pre-deploy check, so a failed build can say the folder has none. */
  constructor(private readonly facts: { hasProcfile?: boolean } = {}) {}

  private state: DeployState = {
    steps: Object.fromEntries(STEP_ORDER.map((s) => [s, { status: 'pending' }])) as Record<StepName, StepState>,
    current: undefined,
    notes: [],
    outcome: undefined,
  };
  private readonly output: Record<'build' | 'release', string[]> = { build: [], release: [] };
  private readonly partial: Record<'build' | 'release', string> = { build: '', release: '' };

  get snapshot(): DeployState {
    return this.state;
  }

  /** The output lines kept for a step (the last KEPT_LINES). */
  lines(step: 'build' | 'release'): readonly string[] {
    return this.partial[step] ? [...this.output[step], this.partial[step]] : this.output[step];
  }

  /** Applies one event; events after the outcome, or for a step out of order, are ignored. Returns the new state. */
  apply(e: DeployEvent): DeployState {
    if (this.state.outcome) return this.state;
    const steps = { ...this.state.steps };
    const set = (step: StepName, s: StepState) => { steps[step] = s; };
    switch (e.type) {
      case 'step': {
        if (STEP_ORDER.indexOf(e.step) < STEP_ORDER.indexOf(this.state.current ?? 'lint') && this.state.current) return this.state;
        // Starting a step closes every earlier one still open (a step that never reported is skipped).
        for (const s of STEP_ORDER.slice(0, STEP_ORDER.indexOf(e.step))) {
          if (steps[s].status === 'running') set(s, { ...steps[s], status: 'done' });
          else if (steps[s].status === 'pending') set(s, { status: 'skipped' });
        }
        set(e.step, { ...steps[e.step], status: e.status, detail: e.detail ?? steps[e.step].detail });
        this.state = { ...this.state, steps, current: e.step };
        break;
      }
      case 'progress':
        set(e.step, { ...steps[e.step], progress: { done: e.done, total: e.total } });
        this.state = { ...this.state, steps };
        break;
      case 'output':
        this.keep(e.step, e.text);
        break;
      case 'note':
        this.state = { ...this.state, notes: [...this.state.notes, e.text] };
        break;
      case 'failed': {
        set(e.step, { ...steps[e.step], status: 'failed' });
        const lines = e.step === 'build' || e.step === 'release' ? this.lines(e.step) : [];
        const explanation = explainFailure({ step: e.step, lines, exitCode: e.exitCode, message: e.message, hasProcfile: this.facts.hasProcfile });
        this.state = {
          ...this.state, steps, current: e.step,
          outcome: { kind: 'failed', step: e.step, message: e.message, errorLines: firstErrorLines(lines), explanation },
        };
        break;
      }
      case 'cancelled': {
        const at = this.state.current;
        if (at && steps[at].status === 'running') set(at, { ...steps[at], status: 'cancelled' });
        this.state = { ...this.state, steps, outcome: { kind: 'cancelled', step: at, note: e.note } };
        break;
      }
      case 'succeeded':
        for (const s of STEP_ORDER) {
          if (steps[s].status === 'running') set(s, { ...steps[s], status: 'done' });
          else if (steps[s].status === 'pending') set(s, { status: 'skipped' });
        }
        this.state = { ...this.state, steps, outcome: { kind: 'succeeded', release: e.release, webUrl: e.webUrl, buildId: e.buildId } };
        break;
    }
    return this.state;
  }

  private keep(step: 'build' | 'release', text: string): void {
    const parts = (this.partial[step] + text).split(/\r?\n/);
    this.partial[step] = parts.pop() ?? '';
    const kept = this.output[step];
    kept.push(...parts);
    if (kept.length > KEPT_LINES) kept.splice(0, kept.length - KEPT_LINES);
  }
}
