import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  claimEmbeddedDirectory,
  EmbeddedDatabaseInUseError,
  embeddedLockFileName,
} from './embeddedDirectoryLock.js';

describe('claimEmbeddedDirectory', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'truth-spine-lock-'));
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('lets one holder in, refuses a second while it lives, and frees the directory on release', async () => {
    const release = await claimEmbeddedDirectory(join(dir, 'data'));
    const lockFile = join(dir, 'data', embeddedLockFileName);
    expect(await readFile(lockFile, 'utf8')).toBe(`${process.pid}@${hostname()}`);
    await expect(claimEmbeddedDirectory(join(dir, 'data'))).rejects.toThrow(
      EmbeddedDatabaseInUseError,
    );
    await release();
    const again = await claimEmbeddedDirectory(join(dir, 'data'));
    await again();
  });

  it('takes over a claim left by a process that died', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    const deadPid = dead.stdout.toString();
    await writeFile(join(dir, embeddedLockFileName), `${deadPid}@${hostname()}`);
    const release = await claimEmbeddedDirectory(dir);
    expect(await readFile(join(dir, embeddedLockFileName), 'utf8')).toBe(
      `${process.pid}@${hostname()}`,
    );
    await release();
  });

  it('names the directory and the holder when it refuses', async () => {
    await writeFile(join(dir, embeddedLockFileName), `1@${hostname()}`);
    await expect(claimEmbeddedDirectory(dir)).rejects.toThrow(
      new RegExp(`embedded database in ${dir} is open in process 1@`),
    );
  });
});
