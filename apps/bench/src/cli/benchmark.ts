/** Where a benchmark writes: machine-readable JSON on stdout, the human summary on stderr. */
export interface BenchIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** One `npm run bench -- <name>` workload. */
export interface Benchmark {
  readonly name: string;
  readonly summary: string;
  /** Resolves to the exit code: non-zero when a target or SLO was missed. */
  run(args: readonly string[], io: BenchIo): Promise<number>;
}
