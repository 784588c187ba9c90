import { createHash } from 'node:crypto';
import type { PackRow } from './packRow.js';
import { serializePack } from './serializePack.js';

/**
 * SHA-256 (lower-case hex) of {@link serializePack}'s canonical text: building a pack again
 * from identical inputs yields the identical hash, whatever order the rows arrived in.
 */
export function hashPack(asOf: string, rows: readonly PackRow[]): string {
  return createHash('sha256').update(serializePack(asOf, rows), 'utf8').digest('hex');
}
