import type { Benchmark } from './benchmark.js';

/** Every workload of `npm run bench`; add one by importing it and listing it here. */
export const benchmarks: readonly Benchmark[] = [];
