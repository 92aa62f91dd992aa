// Plain-text forms of the diagram and the timeline, for `heroku-workflows pipelines info` and `releases`.
// Every string from the API goes through `safe` first: no control characters reach a terminal.
import type { AppCard, PartFailure, PipelineDiagram, ReleaseTimeline } from '../../shared/pipeline-model';
import { formatDuration } from './ci';
import { kindLabel } from './release-kind';

/** Control characters (C0 except none, DEL, C1) become "?" (escape sequences cannot reach the terminal). */
export function safe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}

function failureLines(fs: readonly PartFailure[], indent: string): string[] {
  return fs.map((f) => `${indent}! could not read ${safe(f.what)}: ${safe(f.message)}`);
}

function cardLine(c: AppCard): string {
  const parts = [safe(c.name)];
  if (c.release) parts.push(`v${c.release.version} ${safe(c.release.status)} "${safe(c.release.description)}" by ${safe(c.release.user)} ${safe(c.release.createdAt)}`);
  if (c.commit) parts.push(`commit ${safe(c.commit.short)}`);
  if (c.review) parts.push(`branch ${safe(c.review.branch)}${c.review.prNumber !== null ? ` PR #${c.review.prNumber}` : ''} (${safe(c.review.status)}${c.review.message ? `: ${safe(c.review.message)}` : ''})`);
  if (c.dynos) parts.push(`dynos ${c.dynos.up} up${c.dynos.starting ? `, ${c.dynos.starting} starting` : ''}${c.dynos.crashed ? `, ${c.dynos.crashed} crashed` : ''}${c.dynos.idle ? `, ${c.dynos.idle} idle` : ''}`);
  if (c.space) parts.push(`space ${safe(c.space)}`);
  else if (c.region) parts.push(`region ${safe(c.region)}`);
  if (c.promote) parts.push(`→ ${c.promote.stage}`);
  return parts.join('  ');
}

export function diagramText(d: PipelineDiagram): string {
  const out: string[] = [`=== ${safe(d.pipeline.name)}${d.pipeline.generation ? ` (${safe(d.pipeline.generation)})` : ''}`];
  out.push(...failureLines(d.failures, ''));
  for (const col of d.columns) {
    out.push('', `${col.title} (${col.cards.length}${col.runs ? `, ${col.runs.length} CI runs` : ''})`);
    for (const c of col.cards) {
      out.push(`  ${cardLine(c)}`);
      out.push(...failureLines(c.failures, '    '));
    }
    for (const r of col.runs ?? []) {
      out.push(`  #${r.number} ${safe(r.status)}  ${safe(r.branch)} ${safe(r.short)} "${safe(r.message)}"${r.durationMs !== undefined ? `  ${formatDuration(r.durationMs)}` : ''}`);
    }
    out.push(...failureLines(col.failures, '  '));
  }
  return out.join('\n') + '\n';
}

export function timelineText(t: ReleaseTimeline): string {
  const out: string[] = [`=== ${safe(t.app)} releases`];
  out.push(...failureLines(t.failures, ''));
  for (const e of t.entries) {
    const marks = [e.current ? 'current' : '', e.rollback ? 'can roll back' : '', e.hasOutput ? 'release output' : ''].filter(Boolean).join(', ');
    out.push(`v${e.version}  ${safe(e.status).padEnd(9)} ${kindLabel(e.kind).padEnd(9)} ${safe(e.description)}  ${safe(e.user)}  ${safe(e.createdAt)}${marks ? `  [${marks}]` : ''}`);
  }
  return out.join('\n') + '\n';
}
