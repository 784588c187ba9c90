import type { Benchmark } from './benchmark.js';
import { demoDataBenchmark } from '../demoData/demoDataBenchmark.js';
import { distributedBenchmark } from '../distributed/distributedBenchmark.js';
import { exportsBenchmark } from '../exports/exportsBenchmark.js';
import { kernelsBenchmark } from '../kernels/kernelsBenchmark.js';
import { ledgerBenchmark } from '../ledger/ledgerBenchmark.js';
import { generateBenchmark } from '../scale/generateBenchmark.js';
import { nightlyBenchmark } from '../scale/nightlyBenchmark.js';
import { scalingBenchmark } from '../scale/scalingBenchmark.js';
import { serveBenchmark } from '../serve/serveBenchmark.js';

/** Every workload of `npm run bench`; add one by importing it and listing it here. */
export const benchmarks: readonly Benchmark[] = [
  demoDataBenchmark,
  kernelsBenchmark,
  ledgerBenchmark,
  generateBenchmark,
  nightlyBenchmark,
  scalingBenchmark,
  distributedBenchmark,
  serveBenchmark,
  exportsBenchmark,
];
