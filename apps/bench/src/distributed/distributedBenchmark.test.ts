import { describe, expect, it } from 'vitest';
import { nightlyBenchmark } from '../scale/nightlyBenchmark.js';
import { distributedBenchmark, distributedTable } from './distributedBenchmark.js';

function recording() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t) },
    out,
    err,
  };
}

describe('bench distributed', () => {
  it.each([
    [['--workers', '2'], /--portfolios N is required/],
    [['--portfolios', '10', '--workers', '2'], /--database postgres:\/\/… is required/],
    [['--portfolios', '10', '--database', 'pglite://memory'], /--database postgres/],
    [
      ['--portfolios', '10', '--workers', '0,2', '--database', 'postgres://h/db'],
      /--workers must be a list of whole numbers ≥ 1/,
    ],
  ])('%j is a usage error (64) naming the option', async (args, message) => {
    const { io, err } = recording();
    expect(await distributedBenchmark.run(args, io)).toBe(64);
    expect(err.join('')).toMatch(message);
  });

  it('is what bench nightly --workers K runs (same options, same usage errors)', async () => {
    const { io, err } = recording();
    expect(await nightlyBenchmark.run(['--portfolios', '10', '--workers', '2'], io)).toBe(64);
    expect(err.join('')).toMatch(
      /--database postgres:\/\/… is required \(workers share PostgreSQL\)/,
    );
  });

  it('prints one row per worker count with the overhead per batch (none single-process)', () => {
    const table = distributedTable({
      params: { portfolios: 200 } as never,
      batchSize: 25,
      asOf: '2024-03-08',
      loadSeconds: 1,
      measurements: [
        {
          workers: 0,
          status: 'succeeded',
          stepsSeconds: 10,
          perStep: {},
          portfoliosPerSecond: 20,
          batches: 0,
          batchSeconds: 0,
          overheadSecondsPerBatch: null,
        },
        {
          workers: 2,
          status: 'succeeded',
          stepsSeconds: 6,
          perStep: {},
          portfoliosPerSecond: 200 / 6,
          batches: 24,
          batchSeconds: 9.6,
          overheadSecondsPerBatch: (2 * 6 - 9.6) / 24,
        },
      ],
    });
    const rows = table.trim().split('\n').slice(2);
    expect(rows[0]).toMatch(/^single\s+succeeded\s+10\.00\s+20\.0\s+0\s+0\.00\s+-$/);
    expect(rows[1]).toMatch(/^2\s+succeeded\s+6\.00\s+33\.3\s+24\s+9\.60\s+0\.100$/);
  });
});
