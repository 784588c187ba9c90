import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { idempotencyKey } from './idempotencyKey.js';

describe('idempotencyKey', () => {
  it('is the SHA-256 of the documented canonical text', () => {
    const text = '["alert-event/v1","vol-high","p1","2026-11-26",1]';
    expect(idempotencyKey('vol-high', 'p1', '2026-11-26', 1)).toBe(
      createHash('sha256').update(text).digest('hex'),
    );
  });

  it('differs when any part differs, and cannot be confused by separators in ids', () => {
    const keys = new Set([
      idempotencyKey('a', 'b', '2026-11-26', 1),
      idempotencyKey('a', 'b', '2026-11-26', 2),
      idempotencyKey('a', 'b', '2026-11-27', 1),
      idempotencyKey('a', 'c', '2026-11-26', 1),
      idempotencyKey('a,b', '', '2026-11-26', 1),
      idempotencyKey('a', ',b', '2026-11-26', 1),
    ]);
    expect(keys.size).toBe(6);
  });
});
