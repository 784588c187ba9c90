import { describe, expect, it } from 'vitest';
import { UsageError } from '../cli/usageError.js';
import { serveSettings } from './serveSettings.js';

describe('serveSettings', () => {
  it('defaults to 127.0.0.1:8080 and a 20 s shutdown grace', () => {
    expect(serveSettings({})).toEqual({ host: '127.0.0.1', port: 8080, shutdownGraceMs: 20_000 });
  });

  it('reads HTTP_HOST, HTTP_PORT and SHUTDOWN_GRACE_SECONDS', () => {
    expect(
      serveSettings({ HTTP_HOST: '0.0.0.0', HTTP_PORT: '0', SHUTDOWN_GRACE_SECONDS: '5' }),
    ).toEqual({
      host: '0.0.0.0',
      port: 0,
      shutdownGraceMs: 5_000,
    });
  });

  it.each([
    ['HTTP_PORT', '70000'],
    ['HTTP_PORT', 'http'],
    ['SHUTDOWN_GRACE_SECONDS', '0'],
    ['SHUTDOWN_GRACE_SECONDS', '1.5'],
  ])('rejects %s=%s naming the setting', (name, value) => {
    expect(() => serveSettings({ [name]: value })).toThrow(UsageError);
    expect(() => serveSettings({ [name]: value })).toThrow(
      new RegExp(`^${name} must be an integer`),
    );
  });
});
