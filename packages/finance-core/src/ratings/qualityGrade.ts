/** Letter grade of a 0–10 quality score. */
export type QualityGrade = 'A' | 'B' | 'C' | 'D' | 'F';

/** Lower bounds (inclusive) of the grade bands on the 0–10 scale; below the last is F. */
export const QUALITY_GRADE_BANDS: readonly (readonly [minScore: number, grade: QualityGrade])[] = [
  [8.5, 'A'],
  [7, 'B'],
  [5.5, 'C'],
  [4, 'D'],
];

/**
 * Letter grade of a 0–10 score: A ≥ 8.5, B ≥ 7, C ≥ 5.5, D ≥ 4, else F (bounds inclusive,
 * applied to the unrounded score).
 *
 * @example qualityGrade(6.8) // 'C'
 */
export function qualityGrade(score: number): QualityGrade {
  for (const [minScore, grade] of QUALITY_GRADE_BANDS) if (score >= minScore) return grade;
  return 'F';
}
