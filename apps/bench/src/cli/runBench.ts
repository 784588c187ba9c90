import type { Benchmark, BenchIo } from './benchmark.js';
import { benchmarks as registered } from './benchmarks.js';

/** Dispatches `npm run bench -- <workload> …`; 64 on bad usage, else the workload's code. */
export async function runBench(
  argv: readonly string[],
  io: BenchIo,
  benchmarks: readonly Benchmark[] = registered,
): Promise<number> {
  const [name, ...rest] = argv;
  const workload = benchmarks.find((b) => b.name === name);
  if (workload === undefined) {
    const list = benchmarks.map((b) => `  ${b.name}  ${b.summary}`).join('\n');
    io.stderr(`usage: bench <workload> [options]\nworkloads:\n${list}\n`);
    return name === 'help' ? 0 : 64;
  }
  try {
    return await workload.run(rest, io);
  } catch (error) {
    io.stderr(
      `bench ${workload.name}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
}
