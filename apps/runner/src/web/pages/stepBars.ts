import type { RunReport } from '@truth-spine/orchestrator';
import { escapeHtml, rawHtml, type SafeHtml } from '../html.js';

/** The deadlines a night is measured against (PACK_DEADLINE_MINUTES, RUN_DEADLINE_MINUTES). */
export interface Deadlines {
  readonly packMinutes: number;
  readonly runMinutes: number;
}

const width = 720;
const labelWidth = 170;
const rowHeight = 18;
const barSpace = width - labelWidth - 90;

/**
 * A run's step durations as an inline SVG bar chart: one bar per step (length ∝ seconds,
 * scaled to the longest step), then two budget bars on a linear scale of each deadline —
 * seconds until mark_pack_fresh ended against the pack deadline, and the whole run against
 * the run deadline — turning red when the budget is exceeded.
 */
export function stepBars(report: RunReport, deadlines: Deadlines): SafeHtml {
  const steps = report.steps;
  const longest = Math.max(0.001, ...steps.map((s) => s.seconds ?? 0));
  const rows: string[] = [];
  steps.forEach((step, i) => {
    const y = i * rowHeight;
    const seconds = step.seconds ?? 0;
    const w = Math.max(seconds > 0 ? 1 : 0, (seconds / longest) * barSpace);
    const colour =
      step.status === 'succeeded'
        ? '#175cd3'
        : step.status === 'failed' || step.status === 'blocked'
          ? '#b42318'
          : '#98a2b3';
    rows.push(
      `<text x="0" y="${y + 13}" font-size="12">${escapeHtml(step.name)}</text>` +
        `<rect x="${labelWidth}" y="${y + 3}" width="${w.toFixed(1)}" height="12" fill="${colour}" data-step="${escapeHtml(step.name)}" data-seconds="${step.seconds === null ? '' : String(step.seconds)}"></rect>` +
        `<text x="${(labelWidth + w + 6).toFixed(1)}" y="${y + 13}" font-size="11" fill="#667085">${step.seconds === null ? escapeHtml(step.status) : `${seconds.toFixed(3)} s`}</text>`,
    );
  });
  const packIndex = steps.findIndex((s) => s.name === 'mark_pack_fresh');
  const untilPack = steps.slice(0, packIndex + 1).reduce((sum, s) => sum + (s.seconds ?? 0), 0);
  const total = steps.reduce((sum, s) => sum + (s.seconds ?? 0), 0);
  const budget = (label: string, used: number, limitMinutes: number, row: number) => {
    const y = row * rowHeight + 8;
    const limit = limitMinutes * 60;
    const share = used / limit;
    const w = Math.min(1, share) * barSpace;
    const colour = share > 1 ? '#b42318' : '#067647';
    return (
      `<text x="0" y="${y + 13}" font-size="12">${escapeHtml(label)}</text>` +
      `<rect x="${labelWidth}" y="${y + 3}" width="${barSpace}" height="12" fill="#eef2f6"></rect>` +
      `<rect x="${labelWidth}" y="${y + 3}" width="${Math.max(used > 0 ? 1 : 0, w).toFixed(1)}" height="12" fill="${colour}"></rect>` +
      `<line x1="${labelWidth + barSpace}" x2="${labelWidth + barSpace}" y1="${y}" y2="${y + 18}" stroke="#1d2430"></line>` +
      `<text x="${labelWidth + barSpace + 6}" y="${y + 13}" font-size="11" fill="#667085">${(share * 100).toFixed(2)}% of ${limitMinutes} min</text>`
    );
  };
  rows.push(budget('until pack fresh', untilPack, deadlines.packMinutes, steps.length));
  rows.push(budget('whole run', total, deadlines.runMinutes, steps.length + 1));
  const height = (steps.length + 2) * rowHeight + 12;
  return rawHtml(
    `<svg class="step-bars" role="img" aria-label="step durations of run ${escapeHtml(report.run_id)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">${rows.join('')}</svg>`,
  );
}
