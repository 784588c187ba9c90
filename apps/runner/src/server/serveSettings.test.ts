import { checkedSettings, loadSettings } from '@truth-spine/orchestrator';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../cli/usageError.js';
import { loadRunnerConfig } from '../runtime/runnerConfig.js';
import { serveSettings } from './serveSettings.js';

/** The serve settings of a runner with environment `env`. */
const fromEnv = (env: Record<string, string>) => loadRunnerConfig({ env, cwd: '/srv' }).serve;

/** The serve settings of a TRUTH_SPINE_CONFIG file holding `file`. */
const fromFile = (file: Record<string, string | number>) =>
  serveSettings(
    checkedSettings(
      loadSettings({ TRUTH_SPINE_CONFIG: 'ts.json' }, '/srv', () => JSON.stringify(file)),
    ),
  );

describe('serveSettings', () => {
  it('defaults to 127.0.0.1:8080 and a 20 s shutdown grace', () => {
    expect(fromEnv({})).toEqual({ host: '127.0.0.1', port: 8080, shutdownGraceMs: 20_000 });
  });

  it('reads HTTP_HOST, HTTP_PORT and SHUTDOWN_GRACE_SECONDS', () => {
    expect(fromEnv({ HTTP_HOST: '0.0.0.0', HTTP_PORT: '0', SHUTDOWN_GRACE_SECONDS: '5' })).toEqual({
      host: '0.0.0.0',
      port: 0,
      shutdownGraceMs: 5_000,
    });
  });

  it('reads them from the TRUTH_SPINE_CONFIG file too', () => {
    expect(
      fromFile({ HTTP_HOST: ' ::1 ', HTTP_PORT: 65_535, SHUTDOWN_GRACE_SECONDS: '3600' }),
    ).toEqual({ host: '::1', port: 65_535, shutdownGraceMs: 3_600_000 });
  });

  it.each([
    ['HTTP_PORT', '70000'],
    ['HTTP_PORT', 'http'],
    ['SHUTDOWN_GRACE_SECONDS', '0'],
    ['SHUTDOWN_GRACE_SECONDS', '1.5'],
  ])('rejects %s=%s naming the setting', (name, value) => {
    expect(() => fromEnv({ [name]: value })).toThrow(UsageError);
    expect(() => fromEnv({ [name]: value })).toThrow(new RegExp(`^${name} must be an integer`));
  });

  it('names the setting, the value and the file for a bad file value', () => {
    expect(() => fromFile({ SHUTDOWN_GRACE_SECONDS: 3601 })).toThrow(
      'SHUTDOWN_GRACE_SECONDS must be an integer from 1 to 3600 (was "3601") (SHUTDOWN_GRACE_SECONDS in ts.json)',
    );
  });
});
