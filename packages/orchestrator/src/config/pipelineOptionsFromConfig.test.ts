import { describe, expect, it } from 'vitest';
import { loadConfig } from './loadConfig.js';
import { pipelineOptionsFromConfig } from './pipelineOptionsFromConfig.js';

describe('pipelineOptionsFromConfig', () => {
  it('maps the retry, timeout and deadline settings', () => {
    const config = loadConfig(
      {
        STEP_MAX_ATTEMPTS: '4',
        STEP_RETRY_INITIAL_MS: '100',
        STEP_TIMEOUT_MINUTES: '2',
        RUN_DEADLINE_MINUTES: '13',
      },
      '/',
    );
    expect(pipelineOptionsFromConfig(config)).toEqual({
      retry: { maxAttempts: 4, initialDelayMs: 100, maxDelayMs: 60_000, factor: 2 },
      stepTimeoutMs: 120_000,
      deadlines: { packMinutes: 10, runMinutes: 13 },
    });
  });
});
