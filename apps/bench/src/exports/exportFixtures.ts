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

/**
 * Reads a fixture directory written by {@link writeExportFixtures}. Throws an error naming
 * the directory when it is missing, or the file when one is missing, unreadable, not gzip
 * or (night.json) not JSON.
 */
export function readExportFixtures(dir: string): { night: ExportedNight; files: ExportFiles } {
  if (!existsSync(dir)) throw new Error(`fixture directory ${dir} does not exist`);
  const files = new Map<string, string>();
  for (const name of EXPORT_FILE_NAMES) {
    const path = join(dir, `${name}.gz`);
    files.set(
      name,
      readFixtureFile(path, (bytes) => gunzipSync(bytes).toString('utf8')),
    );
  }
  const night = readFixtureFile(
    join(dir, 'night.json'),
    (bytes) => JSON.parse(bytes.toString('utf8')) as ExportedNight,
  );
  return { night, files };
}

/** `decode` of the bytes at `path`, any failure (missing, unreadable, undecodable) naming `path`. */
function readFixtureFile<T>(path: string, decode: (bytes: Buffer) => T): T {
  if (!existsSync(path)) throw new Error(`fixture ${path} does not exist`);
  try {
    return decode(readFileSync(path));
  } catch (error) {
    throw new Error(`fixture ${path} cannot be read: ${(error as Error).message}`);
  }
}
