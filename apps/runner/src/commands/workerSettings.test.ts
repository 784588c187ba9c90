import { checkedSettings, loadSettings } from '@truth-spine/orchestrator';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../cli/usageError.js';
import { loadRunnerConfig } from '../runtime/runnerConfig.js';
import { workerSettings } from './workerSettings.js';

/** The worker settings of a runner with environment `env`. */
const fromEnv = (env: Record<string, string>) => loadRunnerConfig({ env, cwd: '/srv' }).workers;

/** The worker settings of a TRUTH_SPINE_CONFIG file holding `file`. */
const fromFile = (file: Record<string, string | number>) =>
  workerSettings(
    checkedSettings(
      loadSettings({ TRUTH_SPINE_CONFIG: 'ts.json' }, '/srv', () => JSON.stringify(file)),
    ),
  );

describe('workerSettings', () => {
  it('has the documented defaults', () => {
    expect(fromEnv({})).toEqual({
      distributed: false,
      batchSize: 500,
      concurrency: 1,
      drillPauseMs: 0,
      queue: {
        retryLimit: 2,
        retryDelaySeconds: 5,
        expireInSeconds: 900,
        maintenanceIntervalSeconds: 10,
        pollingIntervalSeconds: 1,
      },
    });
  });

  it('reads every setting from the environment', () => {
    expect(
      fromEnv({
        DISTRIBUTED: ' True ',
        DISTRIBUTED_BATCH_SIZE: '1',
        WORKER_CONCURRENCY: '4',
        WORKER_DRILL_PAUSE_MS: '250',
        DISTRIBUTED_RETRY_LIMIT: '0',
        DISTRIBUTED_RETRY_DELAY_SECONDS: '0',
        DISTRIBUTED_BATCH_EXPIRE_SECONDS: '20',
        DISTRIBUTED_MAINTENANCE_SECONDS: '1',
        DISTRIBUTED_POLL_SECONDS: '2',
      }),
    ).toEqual({
      distributed: true,
      batchSize: 1,
      concurrency: 4,
      drillPauseMs: 250,
      queue: {
        retryLimit: 0,
        retryDelaySeconds: 0,
        expireInSeconds: 20,
        maintenanceIntervalSeconds: 1,
        pollingIntervalSeconds: 2,
      },
    });
  });

  it('reads them from the TRUTH_SPINE_CONFIG file too', () => {
    expect(
      fromFile({
        DISTRIBUTED: 'false',
        DISTRIBUTED_BATCH_SIZE: 250,
        DISTRIBUTED_POLL_SECONDS: '3',
      }),
    ).toMatchObject({ distributed: false, batchSize: 250, queue: { pollingIntervalSeconds: 3 } });
  });

  it.each([
    ['DISTRIBUTED', 'yes', 'DISTRIBUTED must be true or false (was "yes")'],
    ['DISTRIBUTED_BATCH_SIZE', '0', 'DISTRIBUTED_BATCH_SIZE must be a whole number ≥ 1 (was "0")'],
    ['WORKER_CONCURRENCY', '1.5', 'WORKER_CONCURRENCY must be a whole number ≥ 1 (was "1.5")'],
    [
      'DISTRIBUTED_RETRY_LIMIT',
      '-1',
      'DISTRIBUTED_RETRY_LIMIT must be a whole number ≥ 0 (was "-1")',
    ],
    [
      'DISTRIBUTED_BATCH_EXPIRE_SECONDS',
      'soon',
      'DISTRIBUTED_BATCH_EXPIRE_SECONDS must be a whole number ≥ 1 (was "soon")',
    ],
  ])('rejects %s=%s naming the setting and the value', (name, value, message) => {
    expect(() => fromEnv({ [name]: value })).toThrow(UsageError);
    expect(() => fromEnv({ [name]: value })).toThrow(message);
    expect(() => fromFile({ [name]: value })).toThrow(`${message} (${name} in ts.json)`);
  });
});
