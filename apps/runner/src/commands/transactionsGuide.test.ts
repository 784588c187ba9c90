import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/runCli.js';
import { dbTimeoutMs, recordingIo } from './dbTestSupport.js';
import { commands } from './index.js';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const guide = readFileSync(join(repoRoot, 'docs', 'GETTING-STARTED.md'), 'utf8');

/** One shell line of the guide: `export NAME=value` or `npm run NAME -- ARGS # exit N`. */
type GuideLine =
  | { kind: 'export'; name: string; value: string }
  | { kind: 'run'; text: string; args: string[]; exit: number }
  | { kind: 'install'; text: string };

/** The lines of the guide's ```sh blocks, in order. */
function guideLines(markdown: string): GuideLine[] {
  const lines: GuideLine[] = [];
  for (const block of markdown.matchAll(/```sh\n([\s\S]*?)```/g)) {
    for (const raw of (block[1] ?? '').split('\n')) {
      const text = raw.trim();
      if (text === '') continue;
      const exported = /^export ([A-Z_]+)=(\S+)$/.exec(text);
      if (exported !== null) {
        lines.push({ kind: 'export', name: exported[1] ?? '', value: exported[2] ?? '' });
        continue;
      }
      if (text === 'npm ci') {
        lines.push({ kind: 'install', text });
        continue;
      }
      const run = /^npm run (\S+) -- (.*?)\s*(?:# exit (\d+))?$/.exec(text);
      if (run === null) throw new Error(`the guide has a line the test cannot run: ${text}`);
      lines.push({
        kind: 'run',
        text,
        args: [run[1] ?? '', ...shellWords(run[2] ?? '')],
        exit: Number(run[3] ?? 0),
      });
    }
  }
  return lines;
}

/** Splits words on spaces, keeping "double-quoted text" as one word. */
function shellWords(text: string): string[] {
  return [...text.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');
}

describe('docs/GETTING-STARTED.md', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'truth-spine-guide-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('has the steps of a first own portfolio: securities, portfolios, transactions, nightly, resume', () => {
    const runs = guideLines(guide).flatMap((l) => (l.kind === 'run' ? [l.args[0]] : []));
    expect(runs).toEqual(
      expect.arrayContaining(['securities', 'portfolios', 'transactions', 'nightly', 'resume']),
    );
    expect(
      guideLines(guide)
        .filter((l) => l.kind === 'export')
        .map((l) => l.name),
    ).toEqual(['DATABASE_URL', 'LEDGER_DIR']);
  });

  it(
    'runs every command of the guide with the exit code it states: a blocked night, a fix, a resumed night',
    async () => {
      const env: Record<string, string> = {};
      let lastRunId: string | null = null;
      const transcript: string[] = [];
      for (const line of guideLines(guide)) {
        if (line.kind === 'install') continue;
        if (line.kind === 'export') {
          // The database is a fresh temporary one; every other setting is the guide's.
          env[line.name] =
            line.name === 'DATABASE_URL' ? `pglite://${join(dir, 'db')}` : line.value;
          continue;
        }
        const args = line.args.map((a) => (a === 'RUN_ID' ? (lastRunId ?? a) : a));
        const io = recordingIo(env, repoRoot);
        const code = await runCli(args, io, commands);
        transcript.push(`$ ${line.text}\n→ ${code}\n${io.err().slice(-2000)}`);
        expect(code, transcript.join('\n')).toBe(line.exit);
        if (args.includes('--json')) {
          const doc = JSON.parse(io.out()) as { run_id?: string; status?: string };
          if (doc.run_id !== undefined) lastRunId = doc.run_id;
          if (args[0] === 'nightly') {
            expect(doc.status).toBe('blocked');
            expect(io.out()).toContain('the books lack the ledger transaction of 2023-12-18');
          }
          if (args[0] === 'resume') expect(doc.status).toBe('succeeded');
        }
      }
      expect(lastRunId).not.toBeNull();
    },
    dbTimeoutMs * 2,
  );
});
