import { computeMetricSet, isoToEpochDay } from '@truth-spine/finance-core';
import { describe, expect, it } from 'vitest';
import { factorExposureRows } from './factorExposureRows.js';

/** Deterministic pseudo-random numbers (a 32-bit LCG), so the test data never change. */
function noise(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32 - 0.5;
  };
}

describe('factorExposureRows', () => {
  // 900 weekdays, two independent factors, y = 0.0002 + 0.8 f1 − 0.3 f2 + noise
  const days: number[] = [];
  for (let day = isoToEpochDay('2020-01-01'); days.length < 900; day++) {
    if ((day + 4) % 7 < 5) days.push(day);
  }
  const calendar = Int32Array.from(days);
  const random = noise(7);
  const f1 = Float64Array.from(days, () => random() * 0.02);
  const f2 = Float64Array.from(days, () => random() * 0.02);
  const returns = Float64Array.from(days, (_, i) =>
    i === 0 ? NaN : 0.0002 + 0.8 * f1[i]! - 0.3 * f2[i]! + random() * 0.004,
  );
  const values = new Float64Array(days.length);
  values[0] = 100;
  for (let i = 1; i < days.length; i++) values[i] = values[i - 1]! * (1 + returns[i]!);
  const set = computeMetricSet(
    {
      portfolio: 'P',
      calendar,
      inceptionDay: days[0]!,
      inceptionValue: 100,
      returns,
      values,
      flows: new Float64Array(days.length),
      benchmark: new Float64Array(days.length).fill(NaN),
      riskFree: new Float64Array(days.length).fill(NaN),
      factors: [f1, f2],
      factorNames: ['F1', 'F2'],
    },
    days[days.length - 1]!,
  );
  const rows = factorExposureRows('pack', 'P', set.factor_model, ['F1', 'F2']);

  it('writes every factor, the intercept, the residual and the model per window', () => {
    expect(rows.map((r) => `${r.window}:${r.factor}`)).toEqual(
      ['1Y', '3Y', 'inception'].flatMap((w) =>
        ['F1', 'F2', '_intercept', '_residual', '_model'].map((f) => `${w}:${f}`),
      ),
    );
  });

  it('recovers the loadings with a sane R², t = loading / se, parts summing to the return', () => {
    for (const window of ['1Y', '3Y', 'inception']) {
      const mine = rows.filter((r) => r.window === window);
      const byFactor = new Map(mine.map((r) => [r.factor, r]));
      expect(byFactor.get('F1')!.loading).toBeCloseTo(0.8, 1);
      expect(byFactor.get('F2')!.loading).toBeCloseTo(-0.3, 1);
      for (const f of ['F1', 'F2', '_intercept']) {
        const r = byFactor.get(f)!;
        expect(r.tValue).toBeCloseTo(r.loading! / r.standardError!, 8);
      }
      const model = byFactor.get('_model')!.details as Record<string, number>;
      expect(model['r_squared']).toBeGreaterThan(0.5);
      expect(model['r_squared']).toBeLessThanOrEqual(1);
      const parts = mine
        .filter((r) => r.factor !== '_model')
        .reduce((sum, r) => sum + r.contribution!, 0);
      // the compounded return of the window, computed here from the returns themselves
      const first = calendar.indexOf(isoToEpochDay(model['first_date'] as unknown as string));
      let growth = 1;
      for (let i = first; i < days.length; i++) growth *= 1 + returns[i]!;
      expect(Math.abs(parts - (growth - 1))).toBeLessThan(1e-5 * 0.1); // 0.1 bp (finance-core docs/FACTORS.md)
    }
  });

  it('keeps an undefined window as one _model row with the reason', () => {
    const short = factorExposureRows(
      'pack',
      'P',
      { ...set.factor_model, '3Y': { value: null, reason: 'insufficient history' } },
      ['F1', 'F2'],
    );
    expect(short.filter((r) => r.window === '3Y').map((r) => [r.factor, r.reason])).toEqual([
      ['_model', 'insufficient history'],
    ]);
  });
});
