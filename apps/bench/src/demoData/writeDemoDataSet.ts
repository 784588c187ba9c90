import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generatorName } from './buildDemoDataSet.js';
import { DemoDataError } from './demoDataError.js';

/**
 * Replaces the contents of `outDir` with `files` (relative path → text). The directory must
 * be missing, empty, or a data set this generator wrote before (its market/manifest.json
 * names the generator) — so a mistyped `--out` never wipes unrelated files.
 */
export function writeDemoDataSet(outDir: string, files: ReadonlyMap<string, string>): void {
  if (existsSync(outDir) && readdirSync(outDir).length > 0) {
    const manifest = join(outDir, 'market', 'manifest.json');
    const ours =
      existsSync(manifest) &&
      readFileSync(manifest, 'utf8').includes(JSON.stringify(generatorName));
    if (!ours) {
      throw new DemoDataError(
        'DEMO_USAGE',
        `--out ${outDir} is not empty and is not a demo data set written by ${generatorName}; refusing to overwrite it`,
      );
    }
    rmSync(outDir, { recursive: true });
  }
  for (const [path, text] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const target = join(outDir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
}
