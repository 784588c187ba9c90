import { exportPackRatings, type PackRatings, type RatingOutput } from '@truth-spine/orchestrator';
import type { Command } from '../cli/command.js';
import { ExitCode } from '../cli/exitCodes.js';
import { UsageError } from '../cli/usageError.js';
import { withDatabase } from './dbSession.js';

const usage = 'usage: ratings PACK_ID [--json]';

/**
 * The ratings as text: per security its score (one decimal) and grade or "—", the reason,
 * and one indented line per component (`profitability 100.0  ROE averaged …`); per
 * portfolio its score, grade and coverage.
 */
export function formatPackRatings(ratings: PackRatings): string {
  const score = (r: RatingOutput) =>
    r.score === null ? '—' : `${r.score.toFixed(1)} ${r.grade ?? ''}`.trim();
  const lines = [`pack ${ratings.pack_id} (as of ${ratings.as_of})`, 'securities:'];
  for (const r of ratings.securities) {
    lines.push(`  ${r.subject_id}  ${score(r)}  ${r.reason ?? ''}`);
    const components = (r.components?.['components'] ?? null) as Record<
      string,
      { value: number | null; reason: string }
    > | null;
    for (const [name, c] of Object.entries(components ?? {})) {
      lines.push(`      ${name} ${c.value === null ? '—' : c.value.toFixed(1)}  ${c.reason}`);
    }
  }
  lines.push('portfolios:');
  for (const r of ratings.portfolios) {
    const coverage = r.coverage === null ? '—' : `${(r.coverage * 100).toFixed(1)}%`;
    lines.push(`  ${r.subject_id}  ${score(r)}  coverage ${coverage}  ${r.reason ?? ''}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `ratings PACK_ID [--json]`: the quality ratings of a pack (finance-core docs/RATINGS.md) — every held security
 * and every portfolio with score, grade, reason, coverage and components. Exit 64 for an
 * unknown pack or bad arguments.
 */
export const ratingsCommand: Command = {
  name: 'ratings',
  summary: 'ratings PACK_ID [--json]: quality ratings of a pack with components and reasons',
  run: async (args, io) => {
    const json = args.includes('--json');
    const rest = args.filter((a) => a !== '--json');
    const packId = rest[0];
    if (rest.length !== 1 || packId === undefined || packId.startsWith('-')) {
      throw new UsageError(usage);
    }
    return withDatabase(io, async (db) => {
      const ratings = await exportPackRatings(db, packId);
      if (ratings === null) {
        io.stderr(`ratings: no pack with id ${packId}\n`);
        return ExitCode.failed;
      }
      io.stdout(json ? `${JSON.stringify(ratings, null, 2)}\n` : formatPackRatings(ratings));
      return ExitCode.ok;
    });
  },
};
