import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The web pages' and read API's access check. With no token configured (only allowed on a
 * loopback address, see `serveSettings`) every request passes. With a token, a request
 * must carry it as `Authorization: Bearer TOKEN` (scripts) or as the password of HTTP
 * Basic authentication (browsers prompt for it; the user name is ignored). The comparison
 * hashes both sides with SHA-256 and compares the digests with `timingSafeEqual`, so its
 * time depends neither on where the first differing byte is nor on the token's length.
 */
export function isAuthorized(request: IncomingMessage, token: string | null): boolean {
  if (token === null) return true;
  const presented = presentedToken(request.headers.authorization);
  if (presented === null) return false;
  return timingSafeEqual(digest(presented), digest(token));
}

/** The `WWW-Authenticate` challenge of a 401 answer. */
export const authenticateChallenge = 'Basic realm="truth-spine", charset="UTF-8"';

function presentedToken(header: string | undefined): string | null {
  if (header === undefined) return null;
  const [scheme, credentials] = header.trim().split(/\s+/, 2);
  if (credentials === undefined) return null;
  if (scheme?.toLowerCase() === 'bearer') return credentials;
  if (scheme?.toLowerCase() === 'basic') {
    const decoded = Buffer.from(credentials, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon < 0 ? null : decoded.slice(colon + 1);
  }
  return null;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** True for addresses only this machine can reach: 127.0.0.0/8, ::1, localhost. */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}
