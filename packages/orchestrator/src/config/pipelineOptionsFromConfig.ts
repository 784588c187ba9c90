import type { PipelineOptions } from '../pipeline/runPipeline.js';
import type { TruthSpineConfig } from './loadConfig.js';

/** The engine settings a configuration implies: retries (factor 2), step timeout, deadlines. */
export function pipelineOptionsFromConfig(
  config: TruthSpineConfig,
): Pick<PipelineOptions, 'retry' | 'stepTimeoutMs' | 'deadlines'> {
  return {
    retry: {
      maxAttempts: config.stepMaxAttempts,
      initialDelayMs: config.stepRetryInitialMs,
      maxDelayMs: config.stepRetryMaxMs,
      factor: 2,
    },
    stepTimeoutMs: config.stepTimeoutMinutes * 60_000,
    deadlines: { packMinutes: config.packDeadlineMinutes, runMinutes: config.runDeadlineMinutes },
  };
}
