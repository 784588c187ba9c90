import { describe, expect, it } from 'vitest';
import { sloVerdicts } from './sloVerdicts.js';

const base = {
  portfolios: 10_000,
  database: 'pglite' as const,
  status: 'succeeded',
  packSeconds: 60,
  totalSeconds: 100,
  peakRssMb: 900,
};

describe('sloVerdicts', () => {
  it('passes 10k on PGlite within 120 s and misses it at 121 s', () => {
    expect(sloVerdicts(base).ok).toBe(true);
    const late = sloVerdicts({ ...base, totalSeconds: 121 });
    expect(late.target?.seconds_ok).toBe(false);
    expect(late.run_ok).toBe(true);
    expect(late.ok).toBe(false);
  });
  it('judges pack ≤ 600 s and run ≤ 780 s at the boundary', () => {
    const v = sloVerdicts({ ...base, portfolios: 20_000, packSeconds: 600, totalSeconds: 780 });
    expect([v.pack_ok, v.run_ok, v.target, v.ok]).toEqual([true, true, null, true]);
    const w = sloVerdicts({ ...base, portfolios: 20_000, packSeconds: 600.5, totalSeconds: 780.5 });
    expect([w.pack_ok, w.run_ok, w.ok]).toEqual([false, false, false]);
  });
  it('applies 300 s and 2 GiB to PostgreSQL up to 100k portfolios', () => {
    const pg = { ...base, database: 'postgres' as const, portfolios: 100_000, totalSeconds: 290 };
    expect(sloVerdicts(pg).ok).toBe(true);
    expect(sloVerdicts({ ...pg, peakRssMb: 2049 }).target?.rss_ok).toBe(false);
    expect(sloVerdicts({ ...pg, peakRssMb: 2049 }).ok).toBe(false);
  });
  it('counts a blocked run as a miss however fast', () => {
    expect(sloVerdicts({ ...base, status: 'blocked', totalSeconds: 1 }).ok).toBe(false);
    expect(sloVerdicts({ ...base, coldStatus: 'failed', totalSeconds: 1 }).status_ok).toBe(false);
    expect(sloVerdicts({ ...base, coldStatus: 'succeeded', totalSeconds: 1 }).status_ok).toBe(true);
  });
  it('lets --max-seconds replace the size target', () => {
    const v = sloVerdicts({ ...base, portfolios: 200, totalSeconds: 50, maxSeconds: 45 });
    expect(v.target?.max_seconds).toBe(45);
    expect(v.ok).toBe(false);
  });
});
