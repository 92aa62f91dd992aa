/** Whether a release command fails: it says `exit N` with N > 0, or the app is listed in the state's knob. */
export function releasePhaseFails(command: string, app: { id: string; name: string }, failures: readonly string[]): boolean {
  return /\bexit\s+0*[1-9]\d*\b/.test(command) || failures.some((f) => f === '*' || f === app.name || f === app.id);
}

/** The output a release command prints (what `output_stream_url` of the release serves). */
export function releasePhaseOutput(command: string, fails: boolean): string[] {
  const status = /\bexit\s+0*([1-9]\d*)\b/.exec(command)?.[1] ?? '1';
  const migrate = /migrat/i.test(command);
  const lines = ['Running release command...', '', `$ ${command}`];
  if (migrate) {
    lines.push('Migrating database: 2 pending migrations', '  20261124_add_audit_log ....... done (38 ms)');
    if (fails) return [...lines, '  20261124_backfill_audit ...... FAILED', 'Error: column "actor_id" of relation "audit_log" does not exist', `Release command exited with status ${status}`];
    return [...lines, '  20261124_backfill_audit ...... done (1204 ms)', 'Release command completed successfully'];
  }
  lines.push('Preparing release...', 'Warming caches...');
  if (fails) return [...lines, 'Error: release task failed', `Release command exited with status ${status}`];
  return [...lines, 'Release tasks done.', 'Release command completed successfully'];
}
