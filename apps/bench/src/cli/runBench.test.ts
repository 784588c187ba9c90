import { describe, expect, it } from 'vitest';
import type { Benchmark } from './benchmark.js';
import { runBench } from './runBench.js';

/** A sink for output a test does not look at. */
const ignore = (_text: string): undefined => undefined;

const fake: Benchmark = {
  name: 'fake',
  summary: 'returns 7 unless told to throw',
  run: async (args) => {
    if (args.includes('--throw')) throw new Error('out of memory');
    return 7;
  },
};

describe('runBench', () => {
  it('passes the workload exit code through', async () => {
    expect(await runBench(['fake'], { stdout: ignore, stderr: ignore }, [fake])).toBe(7);
  });
  it('rejects an unknown workload with 64 and lists the known ones', async () => {
    const err: string[] = [];
    expect(await runBench(['nope'], { stdout: ignore, stderr: (t) => err.push(t) }, [fake])).toBe(
      64,
    );
    expect(err.join('')).toContain('fake  returns 7');
  });
  it('reports a crash as exit 1 with the message', async () => {
    const err: string[] = [];
    expect(
      await runBench(['fake', '--throw'], { stdout: ignore, stderr: (t) => err.push(t) }, [fake]),
    ).toBe(1);
    expect(err.join('')).toBe('bench fake: out of memory\n');
  });
});
