/**
 * THE order of the nightly pipeline (docs/PIPELINE.md). The engine runs exactly these steps, top to
 * bottom, one at a time; nothing outside this file can reorder, add or skip one.
 */
export const pipelineSteps = [
  'build_pack',
  'reconcile_ledger',
  'compute_daily_metrics',
  'prewarm_factors',
  'prewarm_ratings',
  'mark_pack_fresh',
  'evaluate_alerts',
] as const;

/** One step of {@link pipelineSteps}. */
export type StepName = (typeof pipelineSteps)[number];

/** A failure here is critical: no automatic retry, the gate reports the pack blocked, a person must act. */
export const criticalStep: StepName = 'reconcile_ledger';

/** The only step that may report `skipped` (a non-trading day: no pack, nothing to do). */
export const skippableStep: StepName = 'build_pack';

/** The steps that must all have succeeded before the pack may be marked fresh. */
export const freshnessPrerequisites: readonly StepName[] = [
  'compute_daily_metrics',
  'prewarm_factors',
  'prewarm_ratings',
];

/** True when `name` is one of the seven steps. */
export function isStepName(name: string): name is StepName {
  return (pipelineSteps as readonly string[]).includes(name);
}
