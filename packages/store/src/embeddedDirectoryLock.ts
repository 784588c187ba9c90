import { mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** The file inside a PGlite data directory naming the process that has it open. */
export const embeddedLockFileName = 'truth-spine.lock';

/**
 * Claims a PGlite data directory for this process. PGlite is a single-process database:
 * two processes writing one directory would corrupt it, so a second runner must stop
 * before opening it. The claim is a file holding `pid@host`; a claim whose process is
 * gone (kill -9, crash) is stale and taken over, so a dead runner never blocks the next.
 *
 * Throws {@link EmbeddedDatabaseInUseError} while another live process holds it.
 * Returns the function that gives the directory back.
 */
export async function claimEmbeddedDirectory(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  const path = join(dataDir, embeddedLockFileName);
  const me = `${process.pid}@${hostname()}`;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      await writeFile(path, me, { flag: 'wx' });
      return async () => {
        const holder = await readFile(path, 'utf8').catch(() => '');
        if (holder === me) await unlink(path).catch(() => undefined);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = (await readFile(path, 'utf8').catch(() => '')).trim();
    if (holderIsAlive(holder)) throw new EmbeddedDatabaseInUseError(dataDir, holder);
    await unlink(path).catch(() => undefined);
  }
  throw new EmbeddedDatabaseInUseError(dataDir, 'another process');
}

function holderIsAlive(holder: string): boolean {
  const match = /^(\d+)@(.*)$/.exec(holder);
  if (match === null) return false;
  if (match[2] !== hostname()) return true;
  try {
    process.kill(Number(match[1]), 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Another live process has the embedded database open. */
export class EmbeddedDatabaseInUseError extends Error {
  readonly code = 'embedded_database_in_use' as const;
  constructor(
    readonly dataDir: string,
    readonly holder: string,
  ) {
    super(
      `the embedded database in ${dataDir} is open in process ${holder}; PGlite allows one ` +
        'process at a time (use PostgreSQL via DATABASE_URL for concurrent runners)',
    );
    this.name = 'EmbeddedDatabaseInUseError';
  }
}
