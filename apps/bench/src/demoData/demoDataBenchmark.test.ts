import { describe, expect, it } from 'vitest';
import { demoDataBenchmark } from './demoDataBenchmark.js';

async function run(args: string[]): Promise<{ code: number; err: string; out: string }> {
  let out = '';
  let err = '';
  const code = await demoDataBenchmark.run(args, {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
  });
  return { code, err, out };
}

describe('bench demo-data', () => {
  it('exits 64 with usage when --source or --out is missing or unknown flags are given', async () => {
    expect(await run(['--out', 'x'])).toEqual({
      code: 64,
      out: '',
      err: 'bench demo-data: both --source and --out are required\nusage: bench demo-data --source DIR --out DIR\n',
    });
    expect((await run(['--sauce', 'x'])).err).toContain('unexpected argument --sauce');
  });
  it('fails with the missing source file named when --source has no market data', async () => {
    await expect(
      run(['--source', '/nonexistent-demo-source', '--out', '/nonexistent-demo-out']),
    ).rejects.toThrow(/cannot read source file market\/equities\/.*SPY\.csv/);
  });
});
