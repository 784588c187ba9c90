/**
 * Exit codes a supervisor can act on (docs/PIPELINE.md#run-records-and-reports).
 * 64 follows BSD sysexits' EX_USAGE.
 */
export const ExitCode = {
  ok: 0,
  failed: 1,
  blockedAtReconciliation: 2,
  anotherRunInProgress: 3,
  usage: 64,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];
