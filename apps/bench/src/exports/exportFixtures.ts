import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { ExportedNight, ExportFiles } from './nightExports.js';

/** The export files a fixture directory holds, each stored as `<name>.gz`. */
export const EXPORT_FILE_NAMES = ['metrics.json', 'factors.json', 'ratings.json'] as const;

/**
 * Writes a fixture directory: every export gzipped as `<name>.gz` (zlib's gzip has no
 * file name or time in its header, so equal exports give equal bytes) and `night.json`.
 */
export function writeExportFixtures(dir: string, night: ExportedNight, files: ExportFiles): void {
  mkdirSync(dir, { recursive: true });
  for (const name of EXPORT_FILE_NAMES) {
    writeFileSync(join(dir, `${name}.gz`), gzipSync(files.get(name)!, { level: 9 }));
  }
  writeFileSync(join(dir, 'night.json'), `${JSON.stringify(night, null, 2)}\n`);
}

/** Reads a fixture directory written by {@link writeExportFixtures}; a clear error names what is missing. */
export function readExportFixtures(dir: string): { night: ExportedNight; files: ExportFiles } {
  if (!existsSync(dir)) throw new Error(`fixture directory ${dir} does not exist`);
  const files = new Map<string, string>();
  for (const name of EXPORT_FILE_NAMES) {
    const path = join(dir, `${name}.gz`);
    if (!existsSync(path)) throw new Error(`fixture ${path} does not exist`);
    files.set(name, gunzipSync(readFileSync(path)).toString('utf8'));
  }
  const nightPath = join(dir, 'night.json');
  if (!existsSync(nightPath)) throw new Error(`fixture ${nightPath} does not exist`);
  return { night: JSON.parse(readFileSync(nightPath, 'utf8')) as ExportedNight, files };
}
