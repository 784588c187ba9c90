import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, schema } from '@truth-spine/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbTimeoutMs } from './dbTestSupport.js';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const guide = readFileSync(join(repoRoot, 'docs', 'GETTING-STARTED.md'), 'utf8');

/** One line of the guide's ```sh blocks, with the exit code its `# exit N` states (default 0). */
interface GuideLine {
  readonly text: string;
  readonly exit: number;
}

/** The lines of the guide's ```sh blocks, in order, exactly as written. */
function guideLines(markdown: string): GuideLine[] {
  return [...markdown.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((block) =>
    (block[1] ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .map((text) => ({ text, exit: Number(/# exit (\d+)\s*$/.exec(text)?.[1] ?? 0) })),
  );
}

/** Runs one command line in bash in `cwd` with `env`, as typed. */
function shell(
  line: string,
  cwd: string,
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', line], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The JSON document a `--json` command printed after npm's own `> script` header lines. */
function jsonAfterNpmHeader(stdout: string): Record<string, unknown> {
  const start = stdout.search(/^[{[]/m);
  if (start < 0) throw new Error(`no JSON in:\n${stdout}`);
  return JSON.parse(stdout.slice(start)) as Record<string, unknown>;
}

const skipped = new Set(['node_modules', '.git', '.data', 'dist', '.nx', 'test-results', 'tmp']);

/**
 * docs/GETTING-STARTED.md executed as a newcomer types it: every line of its sh blocks,
 * unchanged (npm scripts, exports, relative paths), in bash, from the root of a fresh
 * copy of the repository — its own `pglite://./my-truth-spine` folder there. Only `npm ci`
 * is replaced by linking this checkout's installed node_modules, and `RUN_ID` by the id
 * the night printed (the guide tells the reader to do the same).
 */
describe('docs/GETTING-STARTED.md, executed line by line', () => {
  let copy: string;
  beforeAll(async () => {
    copy = await mkdtemp(join(tmpdir(), 'truth-spine-guide-'));
    await cp(repoRoot, copy, {
      recursive: true,
      filter: (source) => {
        const parts = relative(repoRoot, source).split('/');
        return !parts.some((p) => skipped.has(p) || p === 'my-truth-spine');
      },
    });
    await symlink(join(repoRoot, 'node_modules'), join(copy, 'node_modules'));
  }, dbTimeoutMs);
  afterAll(() => rm(copy, { recursive: true, force: true }));

  it('has the steps a newcomer needs, with only lines a shell runs', () => {
    const lines = guideLines(guide).map((l) => l.text);
    for (const step of ['securities', 'portfolios', 'transactions', 'nightly', 'resume'])
      expect(lines.some((l) => l.startsWith(`npm run ${step} -- `))).toBe(true);
    for (const line of lines) expect(line).toMatch(/^(npm ci|npm run \S+( -- .*)?|export \w+=\S+)/);
  });

  it(
    'runs every line with the exit code it states: a blocked night, the fix, a resumed night',
    async () => {
      const env: Record<string, string> = {
        PATH: process.env['PATH'] ?? '',
        HOME: process.env['HOME'] ?? copy,
        LOG_LEVEL: 'warn',
      };
      let runId: string | null = null;
      const transcript: string[] = [];
      for (const line of guideLines(guide)) {
        if (line.text === 'npm ci') continue; // node_modules is linked from this checkout
        const exported = /^export (\w+)=(\S+)$/.exec(line.text);
        if (exported !== null) {
          env[exported[1] as string] = exported[2] as string;
          continue;
        }
        const text = runId === null ? line.text : line.text.replace('RUN_ID', runId);
        const result = await shell(text, copy, env);
        transcript.push(`$ ${text}\n→ ${result.code}\n${result.stderr.slice(-1500)}`);
        expect(result.code, transcript.join('\n')).toBe(line.exit);
        if (!text.includes('--json')) continue;
        const doc = jsonAfterNpmHeader(result.stdout);
        if (text.startsWith('npm run nightly')) {
          expect(doc['status']).toBe('blocked');
          expect(result.stdout).toContain('the books lack the ledger transaction of 2023-12-18');
          runId = doc['run_id'] as string;
        }
        if (text.startsWith('npm run resume')) expect(doc['status']).toBe('succeeded');
      }
      expect(runId).not.toBeNull();

      // What the guide's own database folder holds afterwards: only the user's books.
      const db = await openDatabase('pglite://./my-truth-spine', { cwd: copy, migrate: false });
      try {
        const portfolios = await db.drizzle.select().from(schema.portfolios);
        expect(portfolios.map((p) => p.id)).toEqual(['P-MY']);
        const securities = await db.drizzle.select().from(schema.securities);
        expect(securities.map((s) => s.symbol).sort()).toEqual(['KO', 'SPY']);
        const runs = await db.drizzle.select().from(schema.runs);
        expect(runs.map((r) => r.status)).toContain('succeeded');
      } finally {
        await db.close();
      }
    },
    dbTimeoutMs * 2,
  );
});
