import { createHash } from 'node:crypto';
import type { Freshness } from '@truth-spine/orchestrator';
import { describe, expect, it } from 'vitest';
import { entityTag, matchesEtag, PackResponseCache } from './packResponseCache.js';

const gate = (overrides: Partial<Freshness> = {}): Freshness => ({
  pack_id: 'pack-2024-03-08-v1',
  as_of: '2024-03-08',
  status: 'fresh',
  hash: 'ab'.repeat(32),
  fresh_at: '2024-03-09T00:10:00.000Z',
  blocked: null,
  ...overrides,
});

describe('PackResponseCache', () => {
  it('keeps answers per (pack, path) while the gate answers the same', () => {
    const cache = new PackResponseCache();
    cache.observeGate(gate());
    const put = cache.put('pack-2024-03-08-v1', '/portfolios', '{"a":1}');
    cache.observeGate(gate());
    expect(cache.get('pack-2024-03-08-v1', '/portfolios')).toEqual(put);
    expect(cache.get('pack-2024-03-08-v1', '/runs')).toBeUndefined();
    expect(cache.get('pack-2024-03-07-v1', '/portfolios')).toBeUndefined();
  });

  it.each([
    ['status', { status: 'warming' as const }],
    ['pack', { pack_id: 'pack-2024-03-08-v2' }],
    ['hash', { hash: 'cd'.repeat(32) }],
    ['fresh_at', { fresh_at: null }],
    [
      'status to blocked',
      {
        status: 'blocked' as const,
        blocked: { run_id: 'r', step: 'reconcile_ledger', reason: 'break' },
      },
    ],
  ])('is emptied when the gate changes its %s', (_, change) => {
    const cache = new PackResponseCache();
    cache.observeGate(gate());
    cache.put('pack-2024-03-08-v1', '/portfolios', '{}');
    cache.observeGate(gate(change));
    expect(cache.size).toBe(0);
  });

  it('never holds more than its bound', () => {
    const cache = new PackResponseCache(2);
    cache.put('p', '/a', '1');
    cache.put('p', '/b', '2');
    cache.put('p', '/c', '3');
    expect(cache.size).toBeLessThanOrEqual(2);
    expect(cache.get('p', '/c')?.body).toBe('3');
  });
});

describe('entity tags', () => {
  it('are the quoted first 32 hex digits of the body SHA-256', () => {
    const body = '{"pack_id":"x"}';
    const hex = createHash('sha256').update(body).digest('hex');
    expect(entityTag(body)).toBe(`"${hex.slice(0, 32)}"`);
    expect(entityTag(body)).not.toBe(entityTag(`${body} `));
  });

  it('If-None-Match matches the tag in a list, weak or *, and nothing else', () => {
    const tag = entityTag('x');
    expect(matchesEtag(tag, tag)).toBe(true);
    expect(matchesEtag(`"other", W/${tag}`, tag)).toBe(true);
    expect(matchesEtag('*', tag)).toBe(true);
    expect(matchesEtag('"other"', tag)).toBe(false);
    expect(matchesEtag(undefined, tag)).toBe(false);
  });
});
