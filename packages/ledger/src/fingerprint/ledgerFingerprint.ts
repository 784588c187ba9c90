import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { loadLedgerFile, type LoadedLedger, type ReadText } from '../loader/loadLedger.js';

/** One file a ledger was read from: its path as the loader saw it, size, mtime, content hash. */
export interface LedgerFileFingerprint {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  /** SHA-256 of the file's bytes, lower-case hex. */
  readonly sha256: string;
}

/**
 * What a ledger was loaded from: the top file and every file it includes, in the order the
 * loader read them, plus one digest over all of them.
 *
 * `digest` = SHA-256 over, for each file in order, `path NUL sha256 LF`. It changes when any
 * file's content changes or a file is added to or dropped from the include graph; it does
 * not change when only an mtime does (touching a file is not an edit).
 */
export interface LedgerFingerprint {
  readonly files: readonly LedgerFileFingerprint[];
  readonly digest: string;
}

/** A ledger loaded from disk together with the fingerprint of exactly the bytes it was parsed from. */
export interface FingerprintedLedger {
  readonly ledger: LoadedLedger;
  readonly fingerprint: LedgerFingerprint;
  /**
   * Included files the loader asked for and could not read (they are `LoadError`s of the
   * ledger), in the order asked. Not part of the digest; a reader that reuses what this
   * load computed must also know that they are still unreadable (creating one changes
   * what the ledger parses to without changing any file that was read).
   */
  readonly absent: readonly string[];
}

/** SHA-256 of `bytes`, lower-case hex. */
export const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** The digest over a list of file fingerprints (see {@link LedgerFingerprint}). */
export function ledgerDigest(
  files: readonly Pick<LedgerFileFingerprint, 'path' | 'sha256'>[],
): string {
  return sha256(files.map((f) => `${f.path}\u0000${f.sha256}\n`).join(''));
}

/** The fingerprint of `bytes`, just read from `path` (size of the bytes, mtime from `stat`). */
export function fileFingerprint(path: string, bytes: Buffer): LedgerFileFingerprint {
  const stat = statSync(path);
  return { path, size: bytes.length, mtimeMs: stat.mtimeMs, sha256: sha256(bytes) };
}

/**
 * Loads `path` like {@link loadLedgerFile} and fingerprints the files it read, reading each
 * file once (the hash is of the same bytes that were parsed). Throws like `loadLedgerFile`
 * when the top file cannot be read; an include that does not exist is a ledger error and is
 * absent from `files`.
 */
export function loadFingerprintedLedger(path: string): FingerprintedLedger {
  const files: LedgerFileFingerprint[] = [];
  const absent: string[] = [];
  const read: ReadText = (file) => {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      absent.push(file);
      return null;
    }
    files.push(fileFingerprint(file, bytes));
    return bytes.toString('utf8');
  };
  const ledger = loadLedgerFile(path, read);
  return { ledger, fingerprint: { files, digest: ledgerDigest(files) }, absent };
}

/**
 * Whether the files behind `stored` still hold the same bytes. Cheap when nothing changed
 * in size: a file whose size and mtime are both unchanged is taken as unchanged without
 * hashing (the rsync/make rule); otherwise it is re-hashed, so a touched but identical file
 * is still unchanged. A missing file is a change. Includes are only discovered by parsing,
 * but the include graph can only change when some file's content does, so checking the
 * stored files is enough.
 */
export function ledgerChangedSince(stored: LedgerFingerprint): boolean {
  for (const file of stored.files) {
    let stat;
    try {
      stat = statSync(file.path);
    } catch {
      return true;
    }
    if (stat.size !== file.size) return true;
    if (stat.mtimeMs === file.mtimeMs) continue;
    if (sha256(readFileSync(file.path)) !== file.sha256) return true;
  }
  return false;
}
