import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));

/** Lints `code` as if it were a finance-core source file and returns the rule ids reported. */
async function ruleIds(code: string, filePath = 'src/x.ts'): Promise<string[]> {
  const eslint = new ESLint({ cwd: packageRoot });
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe("finance-core's purity lint (no I/O)", () => {
  it('reports an import of node:fs', async () => {
    expect(
      await ruleIds("import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"),
    ).toContain('no-restricted-imports');
  });
  it('reports process.env', async () => {
    expect(await ruleIds('export const home = process.env.HOME;\n')).toContain(
      'no-restricted-globals',
    );
  });
  it('reports a database driver and the clock', async () => {
    expect(
      await ruleIds("import postgres from 'postgres';\nexport const p = postgres;\n"),
    ).toContain('no-restricted-imports');
    expect(await ruleIds('export const now = Date.now();\n')).toContain('no-restricted-properties');
  });
  it('applies to fixtures under src/ too (file-reading test helpers live in test-support/)', async () => {
    const readsFiles = "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n";
    expect(await ruleIds(readsFiles, 'src/__fixtures__/reference/reader.ts')).toContain(
      'no-restricted-imports',
    );
    expect(await ruleIds(readsFiles, 'test-support/reference/reader.ts')).toEqual([]);
  });
  it('accepts pure code, and does not apply to tests', async () => {
    expect(await ruleIds('export const double = (x: number): number => 2 * x;\n')).toEqual([]);
    expect(
      await ruleIds(
        "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
        'src/x.test.ts',
      ),
    ).toEqual([]);
  });
});
