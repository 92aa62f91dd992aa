// Deploy events as text for a log (the "Heroku Build: <app>" output channel and the CLI): step headers, the
// build and release output as it comes (made printable), notes, and the summary at the end. Pure.
import { formatBytes } from './deploy';
import { printable } from './text';
import { STEP_TITLES, type DeployEvent, type DeployState } from './steps';

/** The text to append for one event (may be ''); `state` is the tracker's state after the event. */
export function renderEvent(e: DeployEvent, state: DeployState): string {
  switch (e.type) {
    case 'step':
      if (e.status === 'running') return `--> ${STEP_TITLES[e.step]}${e.detail ? ` (${printable(e.detail)})` : ''}\n`;
      if (e.status === 'done') return e.detail ? `    ${STEP_TITLES[e.step]}: ${printable(e.detail)}\n` : '';
      return `    ${STEP_TITLES[e.step]}: skipped\n`;
    case 'progress':
      return ''; // progress goes to the notification or the CLI's status line, not the log
    case 'output':
      return printable(e.text);
    case 'note':
      return `    Note: ${printable(e.text)}\n`;
    default:
      return summary(state);
  }
}

/** The closing lines for a finished deploy ('' while it runs). */
export function summary(state: DeployState): string {
  const o = state.outcome;
  if (!o) return '';
  if (o.kind === 'succeeded') {
    const v = o.release ? ` v${o.release.version}` : '';
    return `\n=== Deployed${v}.${o.webUrl ? ` Open the app: ${o.webUrl}` : ''}\n`;
  }
  if (o.kind === 'cancelled') {
    return `\n=== Cancelled${o.step ? ` during "${STEP_TITLES[o.step]}"` : ''}.${o.note ? ` ${printable(o.note)}` : ''}\n`;
  }
  const lines = [`\n=== Failed at "${STEP_TITLES[o.step]}": ${printable(o.message)}`];
  if (o.explanation) {
    lines.push(`    Cause: ${o.explanation.title}`, `    ${o.explanation.detail}`, `    See ${o.explanation.docs}`);
  }
  if (o.errorLines.length) lines.push('    First error lines:', ...o.errorLines.map((l) => `      ${printable(l)}`));
  return lines.join('\n') + '\n';
}

/** A one-line status for a progress notification or a CLI status line. */
export function statusLine(state: DeployState): string {
  const step = state.current;
  if (!step) return 'Starting…';
  const s = state.steps[step];
  if (step === 'upload' && s.progress) {
    const pct = Math.floor((s.progress.done / Math.max(1, s.progress.total)) * 100);
    return `${STEP_TITLES[step]}: ${formatBytes(s.progress.done)} of ${formatBytes(s.progress.total)} (${pct}%)`;
  }
  return `${STEP_TITLES[step]}${s.detail ? `: ${printable(s.detail)}` : '…'}`;
}
