import { describe, expect, it } from 'vitest';
import { closeOnDate, type ObservedClose } from './closeOnDate.js';

const obs = (date: string, close: string, fallbackUsed = false): ObservedClose => ({
  date,
  close,
  provider: fallbackUsed ? 'fmp' : 'offline',
  fallbackUsed,
});
const days = ['2020-08-26', '2020-08-27', '2020-08-28', '2020-08-31', '2020-09-01', '2020-09-02'];

describe('closeOnDate', () => {
  it("takes D's close when valid, across AAPL's 4-for-1 split (499.23 → 129.04, public record)", () => {
    const result = closeOnDate(
      [obs('2020-08-28', '499.23'), obs('2020-08-31', '129.04')],
      '2020-08-31',
      [{ date: '2020-08-31', numerator: '4', denominator: '1' }],
      days,
      5,
    );
    expect(result).toEqual({
      kind: 'value',
      close: '129.04',
      provider: 'offline',
      fallbackUsed: false,
      sourceDate: '2020-08-31',
      carriedBecause: null,
    });
  });

  it('carries the last accepted close forward over a rejected one, flagged', () => {
    const result = closeOnDate(
      [obs('2020-08-28', '499.23'), obs('2020-08-31', '129.04')],
      '2020-08-31',
      [],
      days,
      5,
    );
    expect(result.kind).toBe('value');
    if (result.kind !== 'value') return;
    expect(result.close).toBe('499.23');
    expect(result.sourceDate).toBe('2020-08-28');
    expect(result.carriedBecause).toMatch(/129\.04/);
  });

  it('keeps provenance of a fallback close and refuses carry-forward beyond the limit', () => {
    const fromFallback = closeOnDate([obs('2020-09-02', '10', true)], '2020-09-02', [], days, 5);
    expect(fromFallback.kind === 'value' && fromFallback.fallbackUsed).toBe(true);
    // last close 2020-08-26; trading days after it up to 09-02: 5 → allowed with 5, not with 4
    expect(closeOnDate([obs('2020-08-26', '10')], '2020-09-02', [], days, 5).kind).toBe('value');
    const tooOld = closeOnDate([obs('2020-08-26', '10')], '2020-09-02', [], days, 4);
    expect(tooOld.kind).toBe('missing');
    expect(closeOnDate([], '2020-09-02', [], days, 5).kind).toBe('missing');
  });
});
