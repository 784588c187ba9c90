import type { Database } from '@truth-spine/orchestrator';
import type { Command } from '../cli/command.js';
import { ExitCode } from '../cli/exitCodes.js';
import { UsageError } from '../cli/usageError.js';
import { withDatabase } from './dbSession.js';

const usage = 'usage: ratings PACK_ID [--json]';

/** One row of `ratings` as printed. */
interface RatingOutput {
  readonly subject_id: string;
  readonly score: number | null;
  readonly grade: string | null;
  readonly coverage: number | null;
  readonly reason: string | null;
  readonly components: Record<string, unknown> | null;
}

/** The ratings of one pack, as `ratings PACK_ID --json` prints them. */
export interface PackRatings {
  readonly pack_id: string;
  readonly as_of: string;
  readonly securities: readonly RatingOutput[];
  readonly portfolios: readonly RatingOutput[];
}

/** Reads the security and portfolio ratings prewarm_ratings wrote for `packId`; null for an unknown pack. */
export async function readPackRatings(db: Database, packId: string): Promise<PackRatings | null> {
  const [pack] = await db.query<{ as_of: string }>(
    'select as_of::text as as_of from packs where id = $1',
    [packId],
  );
  if (pack === undefined) return null;
  const rows = await db.query<
    Omit<RatingOutput, 'grade'> & { subject_kind: string } & Record<string, unknown>
  >(
    `select subject_kind, subject_id, score, coverage, reason, components from ratings
      where pack_id = $1 order by subject_kind, subject_id`,
    [packId],
  );
  const output = (kind: string) =>
    rows
      .filter((r) => r.subject_kind === kind)
      .map((r): RatingOutput => ({
        subject_id: r.subject_id,
        score: r.score,
        grade: (r.components?.['grade'] as string | null | undefined) ?? null,
        coverage: r.coverage,
        reason: r.reason ?? ((r.components?.['summary'] as string | undefined) || null),
        components: r.components,
      }));
  return {
    pack_id: packId,
    as_of: pack.as_of,
    securities: output('security'),
    portfolios: output('portfolio'),
  };
}

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
      const ratings = await readPackRatings(db, packId);
      if (ratings === null) {
        io.stderr(`ratings: no pack with id ${packId}\n`);
        return ExitCode.failed;
      }
      io.stdout(json ? `${JSON.stringify(ratings, null, 2)}\n` : formatPackRatings(ratings));
      return ExitCode.ok;
    });
  },
};
