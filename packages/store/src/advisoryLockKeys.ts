/**
 * PostgreSQL advisory lock keys (bigint space shared with anything else on the server,
 * hence the project-specific prefix 0x7452_5350 = "tRSP").
 */
export const AdvisoryLockKey = {
  /** Held while migrations are applied, so two starting processes migrate once. */
  migrations: 0x7452_5350_0001n,
  /** Held for the whole of a pipeline run: single-flight across processes and machines. */
  pipelineRun: 0x7452_5350_0002n,
} as const;
