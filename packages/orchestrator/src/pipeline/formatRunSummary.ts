import type { RunReport } from './runReport.js';

/**
 * The human summary printed at the end of a run: a header line, then one row per step
 * (step, status, seconds), e.g.
 *
 * ```
 * run 7c…  as of 2024-03-28  succeeded  (manual)
 * step                   status     seconds
 * build_pack             succeeded    1.204
 * ```
 */
export function formatRunSummary(report: RunReport): string {
  const header =
    `run ${report.run_id}  as of ${report.as_of}  ${report.status}  (${report.trigger})` +
    (report.blocked_at === null ? '' : `  stopped at ${report.blocked_at}`);
  const width = Math.max(4, ...report.steps.map((s) => s.name.length));
  const rows = report.steps.map(
    (s) =>
      `${s.name.padEnd(width)}  ${s.status.padEnd(9)}  ${
        s.seconds === null ? '      -' : s.seconds.toFixed(3).padStart(7)
      }${s.error === null ? '' : `  ${s.error}`}`,
  );
  const deadlines = [
    report.deadlines.pack_deadline_missed ? 'pack deadline MISSED' : null,
    report.deadlines.run_deadline_missed ? 'run deadline MISSED' : null,
  ].filter((x) => x !== null);
  return [
    header,
    `${'step'.padEnd(width)}  ${'status'.padEnd(9)}  seconds`,
    ...rows,
    ...(report.pack === null
      ? []
      : [
          `pack ${report.pack.id} v${report.pack.version} ${report.pack.status} ${report.pack.hash}`,
        ]),
    ...deadlines,
    '',
  ].join('\n');
}
