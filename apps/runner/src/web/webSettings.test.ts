import { describe, expect, it } from 'vitest';
import { UsageError } from '../cli/usageError.js';
import { webSettings } from './webSettings.js';

describe('webSettings', () => {
  it('needs no token on loopback', () => {
    expect(webSettings({}, '127.0.0.1')).toEqual({ accessToken: null });
    expect(webSettings({ HTTP_ACCESS_TOKEN: '  ' }, '::1')).toEqual({ accessToken: null });
  });

  it('refuses a non-loopback address without a token, naming both settings', () => {
    expect(() => webSettings({}, '0.0.0.0')).toThrow(UsageError);
    expect(() => webSettings({}, '0.0.0.0')).toThrow(
      /^HTTP_HOST=0\.0\.0\.0 is reachable from other machines: set HTTP_ACCESS_TOKEN/,
    );
  });

  it('takes a long enough token (trimmed) on any address', () => {
    const token = 'abcdefghijklmnop';
    expect(webSettings({ HTTP_ACCESS_TOKEN: ` ${token} ` }, '0.0.0.0')).toEqual({
      accessToken: token,
    });
    expect(webSettings({ HTTP_ACCESS_TOKEN: token }, '127.0.0.1')).toEqual({ accessToken: token });
  });

  it('refuses a short token without printing it', () => {
    const attempt = () => webSettings({ HTTP_ACCESS_TOKEN: 'short-secret' }, '0.0.0.0');
    expect(attempt).toThrow('HTTP_ACCESS_TOKEN must be at least 16 characters (it has 12)');
    const message = (() => {
      try {
        attempt();
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).not.toContain('short-secret');
  });
});
