import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { apiReferenceGaps } from './apiReferenceGaps.js';

const fixtureOptions = fileURLToPath(new URL('./fixture/typedoc.json', import.meta.url));
const packageOptions = fileURLToPath(new URL('../../typedoc.json', import.meta.url));

describe('apiReferenceGaps', () => {
  it('finds exports without their own doc comment and one hidden from the reference', async () => {
    const gaps = await apiReferenceGaps(fixtureOptions);
    expect(gaps).toEqual({
      exported: [
        'InheritsOnlyItsBaseComment',
        'Percent',
        'Reexported',
        'documented',
        'hidden',
        'undocumented',
      ],
      missing: ['hidden'],
      undocumented: ['InheritsOnlyItsBaseComment', 'undocumented'],
    });
  }, 120_000);
});

describe("finance-core's API reference (typedoc.json)", () => {
  it('has an entry with a summary for every name src/index.ts exports', async () => {
    const gaps = await apiReferenceGaps(packageOptions);
    // The entry point really was read: a few exports every consumer uses are among them.
    expect(gaps.exported).toEqual(
      expect.arrayContaining(['xirr', 'computeMetricSet', 'fitFactorModel', 'isUndefinedValue']),
    );
    expect(gaps.exported.length).toBeGreaterThan(100);
    expect(gaps.missing).toEqual([]);
    expect(gaps.undocumented).toEqual([]);
  }, 120_000);
});
