import { describe, expect, it } from 'vitest';
import { signatureHeader, verifySignature } from './signBody.js';

describe('signatureHeader', () => {
  it('matches the published HMAC-SHA256 test vector (RFC 4231, test case 2)', () => {
    expect(signatureHeader('what do ya want for nothing?', 'Jefe')).toBe(
      'sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });
});

describe('verifySignature', () => {
  it('accepts the right signature and rejects a changed body, key or header', () => {
    const header = signatureHeader('{"a":1}', 'secret-one');
    expect(verifySignature('{"a":1}', header, 'secret-one')).toBe(true);
    expect(verifySignature('{"a":2}', header, 'secret-one')).toBe(false);
    expect(verifySignature('{"a":1}', header, 'secret-two')).toBe(false);
    expect(verifySignature('{"a":1}', header.slice(0, -1), 'secret-one')).toBe(false);
  });
});
