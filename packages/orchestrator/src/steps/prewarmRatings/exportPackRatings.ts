import type { Database } from '@truth-spine/store';

/** One rating as `runner ratings PACK --json` prints it. */
export interface RatingOutput {
  readonly subject_id: string;
  readonly score: number | null;
  readonly grade: string | null;
  readonly coverage: number | null;
  readonly reason: string | null;
  readonly components: Record<string, unknown> | null;
}

/** The ratings of one pack, as `runner ratings PACK_ID --json` prints them. */
export interface PackRatings {
  readonly pack_id: string;
  readonly as_of: string;
  readonly securities: readonly RatingOutput[];
  readonly portfolios: readonly RatingOutput[];
}

/** Reads the security and portfolio ratings prewarm_ratings wrote for `packId`; null for an unknown pack. */
export async function exportPackRatings(db: Database, packId: string): Promise<PackRatings | null> {
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
  const output = (kind: string) => rows.filter((r) => r.subject_kind === kind).map(ratingOutput);
  return {
    pack_id: packId,
    as_of: pack.as_of,
    securities: output('security'),
    portfolios: output('portfolio'),
  };
}

/** A stored ratings row as printed: the grade from its components, the reason or else its summary. */
export function ratingOutput(r: Omit<RatingOutput, 'grade'>): RatingOutput {
  return {
    subject_id: r.subject_id,
    score: r.score,
    grade: (r.components?.['grade'] as string | null | undefined) ?? null,
    coverage: r.coverage,
    reason: r.reason ?? ((r.components?.['summary'] as string | undefined) || null),
    components: r.components,
  };
}
