import { readFileSync } from 'node:fs';
import {
  fileFingerprint,
  ledgerDigest,
  type LedgerFileFingerprint,
  type LedgerFingerprint,
} from './ledgerFingerprint.js';

/** What a load of the ledger read (its fingerprint) and failed to read (`absent` includes). */
export interface LedgerReadSet {
  readonly files: readonly Pick<LedgerFileFingerprint, 'path' | 'sha256'>[];
  readonly digest: string;
  readonly absent: readonly string[];
}

/**
 * The fingerprint of the ledger on disk now — exactly what `loadFingerprintedLedger` would
 * return, with today's sizes and mtimes — when it would parse exactly what `stored` was
 * parsed from; null otherwise. Every file of `stored.files` is read and hashed (SHA-256,
 * no size/mtime shortcut: a same-size edit within the mtime granularity, or a restored
 * mtime, must not pass for unchanged when money is computed from the result), and every
 * `absent` include must still be unreadable. The loader is a function of the bytes it is
 * given for each path it asks for, and it asks for an include only because a file it read
 * names it: so if every path it asked for answers as before, it asks for the same paths and
 * parses the same ledger. Reading and hashing costs a fraction of parsing and booking.
 */
export function fingerprintIfUnchanged(stored: LedgerReadSet): LedgerFingerprint | null {
  const files: LedgerFileFingerprint[] = [];
  for (const file of stored.files) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file.path);
    } catch {
      return null;
    }
    const now = fileFingerprint(file.path, bytes);
    if (now.sha256 !== file.sha256) return null;
    files.push(now);
  }
  for (const path of stored.absent) {
    try {
      readFileSync(path);
      return null;
    } catch {
      // still unreadable, as when the ledger was parsed
    }
  }
  const digest = ledgerDigest(files);
  return digest === stored.digest ? { files, digest } : null;
}
