import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hashPack } from './hashPack.js';
import type { PackRow } from './packRow.js';
import { DuplicatePackRowError, serializePack } from './serializePack.js';

const row = (overrides: Partial<PackRow>): PackRow => ({
  kind: 'price',
  key: 'AAPL',
  date: '2024-03-01',
  value: '179.66',
  currency: 'USD',
  provider: 'offline',
  fallbackUsed: false,
  carriedForwardFrom: null,
  ...overrides,
});

const rows: PackRow[] = [
  row({ key: 'SPY', value: '512.850' }),
  row({}),
  row({ kind: 'macro', key: 'DGS10', value: null, currency: null, provider: 'fred' }),
  row({
    kind: 'fx',
    key: 'EURUSD',
    value: '1.0838',
    currency: null,
    provider: 'ecb',
    carriedForwardFrom: '2024-02-29',
  }),
];

describe('serializePack', () => {
  it('writes the documented canonical lines, sorted, decimals canonical', () => {
    expect(serializePack('2024-03-01', rows)).toBe(
      [
        'truth-spine-pack/1\t2024-03-01',
        'price\tAAPL\t2024-03-01\t179.66\tUSD\toffline\tprimary\t-',
        'price\tSPY\t2024-03-01\t512.85\tUSD\toffline\tprimary\t-',
        'fx\tEURUSD\t2024-03-01\t1.0838\t-\tecb\tprimary\t2024-02-29',
        'macro\tDGS10\t2024-03-01\t.\t-\tfred\tprimary\t-',
        '',
      ].join('\n'),
    );
  });

  it('refuses two values for one fact', () => {
    expect(() => serializePack('2024-03-01', [row({}), row({ value: '1' })])).toThrow(
      DuplicatePackRowError,
    );
  });
});

describe('hashPack', () => {
  it('is the SHA-256 of the canonical text (independent computation)', () => {
    const expected = createHash('sha256').update(serializePack('2024-03-01', rows)).digest('hex');
    expect(hashPack('2024-03-01', rows)).toBe(expected);
    expect(hashPack('2024-03-01', rows)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not depend on row order or decimal spelling (property)', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }),
        (shuffled) => {
          const respelled = shuffled.map((r) =>
            r.value === null ? r : { ...r, value: `${r.value}000` },
          );
          expect(hashPack('2024-03-01', respelled)).toBe(hashPack('2024-03-01', rows));
        },
      ),
    );
  });

  it('changes when any value or provenance field changes', () => {
    const base = hashPack('2024-03-01', rows);
    const variants: PackRow[][] = [
      [row({ value: '179.67' }), ...rows.slice(0, 1), ...rows.slice(2)],
      rows.map((r) => (r.key === 'AAPL' ? { ...r, fallbackUsed: true } : r)),
      rows.map((r) => (r.key === 'AAPL' ? { ...r, provider: 'fmp' } : r)),
      rows.map((r) => (r.key === 'EURUSD' ? { ...r, carriedForwardFrom: null } : r)),
      rows.slice(1),
    ];
    for (const variant of variants) expect(hashPack('2024-03-01', variant)).not.toBe(base);
    expect(hashPack('2024-03-04', rows)).not.toBe(base);
  });
});
