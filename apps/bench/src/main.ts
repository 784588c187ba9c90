#!/usr/bin/env node
import { runBench } from './cli/runBench.js';

process.exitCode = await runBench(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
});
