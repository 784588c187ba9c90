import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const benchDir = resolve(import.meta.dirname, '../..');
/** Written by the pipeline code before the incremental-night work (see its README). */
const fixture = join(benchDir, 'fixtures/exports-before/p20');
const scratch = mkdtempSync(join(tmpdir(), 'bench-exports-'));

/** `npm run bench -- exports …` as a real process: exit code and output. */
async function bench(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', '--conditions=@truth-spine/source', 'src/main.ts', 'exports', ...args],
      { cwd: benchDir, env: { ...process.env, BENCH_CACHE_DIR: join(scratch, 'cache') } },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('bench exports --compare (20 portfolios, through the command line)', () => {
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("exits 0 when tonight's exports equal the fixture written by the code before", async () => {
    const result = await bench('--portfolios', '20', '--compare', fixture);
    expect(result.stdout).toBe(
      'metrics.json: identical\nfactors.json: identical\nratings.json: identical\n',
    );
    expect(result.code).toBe(0);
  }, 180_000);

  it('exits 1 naming the file and line of a changed value', async () => {
    const tampered = join(scratch, 'tampered');
    cpSync(fixture, tampered, { recursive: true });
    const path = join(tampered, 'metrics.json.gz');
    const lines = gunzipSync(readFileSync(path)).toString('utf8').split('\n');
    const index = lines.findIndex((line) => /^ {6}"value": -?\d/.test(line));
    expect(index).toBeGreaterThan(0);
    lines[index] = lines[index]!.replace(/"value": -?[\d.e+-]+/, '"value": 12345.678');
    writeFileSync(path, gzipSync(lines.join('\n')));
    const result = await bench('--portfolios', '20', '--compare', tampered);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`metrics.json: differs at line ${index + 1}\n`);
    expect(result.stdout).toContain('"value": 12345.678');
    expect(result.stdout).toContain('factors.json: identical\n');
  }, 180_000);

  it('exits 64 naming a fixture directory that does not exist', async () => {
    const missing = join(scratch, 'no-such-dir');
    const result = await bench('--portfolios', '20', '--compare', missing);
    expect(result.code).toBe(64);
    expect(result.stderr).toContain(`fixture directory ${missing} does not exist`);
  }, 60_000);

  it('exits 64 naming a fixture file that is not gzip', async () => {
    const corrupt = join(scratch, 'corrupt');
    cpSync(fixture, corrupt, { recursive: true });
    const path = join(corrupt, 'ratings.json.gz');
    writeFileSync(path, '{"not": "gzip"}\n');
    const result = await bench('--portfolios', '20', '--compare', corrupt);
    expect(result.code).toBe(64);
    expect(result.stderr).toContain(`fixture ${path} cannot be read`);
    expect(result.stdout).toBe('');
  }, 60_000);

  it('exits 64 without exactly one of --out and --compare', async () => {
    const result = await bench('--portfolios', '20');
    expect(result.code).toBe(64);
    expect(result.stderr).toContain('give exactly one of --out DIR and --compare DIR');
  }, 60_000);
});
