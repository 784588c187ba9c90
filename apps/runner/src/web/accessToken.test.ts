import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { isAuthorized, isLoopbackHost } from './accessToken.js';

const withAuth = (authorization?: string) =>
  ({ headers: authorization === undefined ? {} : { authorization } }) as IncomingMessage;
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const token = 's3cret-token-of-some-length';

describe('isAuthorized', () => {
  it('lets everything through when no token is configured', () => {
    expect(isAuthorized(withAuth(), null)).toBe(true);
  });

  it('accepts the token as a bearer token or as the Basic password (any user)', () => {
    expect(isAuthorized(withAuth(`Bearer ${token}`), token)).toBe(true);
    expect(isAuthorized(withAuth(`bearer ${token}`), token)).toBe(true);
    expect(isAuthorized(withAuth(basic('anyone', token)), token)).toBe(true);
    expect(isAuthorized(withAuth(basic('', `${token}`)), token)).toBe(true);
  });

  it('refuses a missing, wrong, truncated, extended or differently-schemed token', () => {
    expect(isAuthorized(withAuth(), token)).toBe(false);
    expect(isAuthorized(withAuth('Bearer'), token)).toBe(false);
    expect(isAuthorized(withAuth('Bearer wrong'), token)).toBe(false);
    expect(isAuthorized(withAuth(`Bearer ${token.slice(0, -1)}`), token)).toBe(false);
    expect(isAuthorized(withAuth(`Bearer ${token}x`), token)).toBe(false);
    expect(isAuthorized(withAuth(`Token ${token}`), token)).toBe(false);
    expect(isAuthorized(withAuth(basic(token, 'nope')), token)).toBe(false);
    expect(isAuthorized(withAuth(`Basic ${Buffer.from(token).toString('base64')}`), token)).toBe(
      false,
    );
  });
});

describe('isLoopbackHost', () => {
  it('knows loopback from everything else', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', 'LOCALHOST'])
      expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ['0.0.0.0', '::', '10.0.0.5', '192.168.1.1', 'example.org', '128.0.0.1'])
      expect(isLoopbackHost(h), h).toBe(false);
  });
});
