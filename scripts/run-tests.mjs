#!/usr/bin/env node
// The README's test command: runs every project's vitest suite through Nx (one project at a
// time — PGlite instances are memory-hungry and the machine has two cores), then adds up the
// per-project JSON reports into one closing line "N passed, N failed, N skipped" so a reader
// (or CI) sees the whole count at a glance. Exits with Nx's exit code.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const projectDirs = ['packages', 'apps'].flatMap((group) =>
  readdirSync(join(root, group), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(root, group, entry.name)),
);
const reportOf = (dir) => join(dir, 'test-results', 'vitest.json');
for (const dir of projectDirs) rmSync(reportOf(dir), { force: true });

const nx = spawnSync(
  'npx',
  [
    'nx',
    'run-many',
    '-t',
    'test',
    '--parallel=1',
    '--outputStyle=stream',
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit', cwd: root, env: { NX_DAEMON: 'false', ...process.env } },
);

let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];
for (const dir of projectDirs) {
  const file = reportOf(dir);
  if (!existsSync(file)) {
    missing.push(dir.slice(root.length));
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
}
if (missing.length > 0) console.log(`no test report from: ${missing.join(', ')}`);
const status = nx.status ?? 1;
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(status !== 0 ? status : failed > 0 || missing.length > 0 ? 1 : 0);
