#!/usr/bin/env node
import { runCli } from './cli/runCli.js';
import { processIo } from './cli/io.js';

process.exitCode = await runCli(process.argv.slice(2), processIo());
