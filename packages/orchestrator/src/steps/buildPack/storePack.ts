import { sql } from 'drizzle-orm';
import type { Database, Executor } from '@truth-spine/store';
import { insertRows } from '@truth-spine/store';
import { executeRows } from '@truth-spine/store';
import { hashPack } from '../../pack/hashPack.js';
import type { PackRow } from '../../pack/packRow.js';

/** The pack build_pack settled on. */
export interface StoredPack {
  readonly packId: string;
  readonly version: number;
  readonly sha256: string;
  /** True when the latest version of D had the same hash and was reused. */
  readonly reused: boolean;
  /** The version this one superseded, if any. */
  readonly superseded: string | null;
}

/** Pack ids: `pack-<as_of>-v<version>`. */
export function packIdOf(asOf: string, version: number): string {
  return `pack-${asOf}-v${version}`;
}

/**
 * Stores the pack of `asOf` made of `rows` (docs/ARCHITECTURE.md#the-pricing-pack): its hash is {@link hashPack}. When the
 * latest version of D has the same hash it is reused (idempotent re-runs and resumes);
 * otherwise version latest+1 is written — pack row and contents in one transaction — and
 * the previous latest version is marked superseded by it (it stays readable).
 */
export async function storePack(
  db: Database,
  asOf: string,
  rows: readonly PackRow[],
): Promise<StoredPack> {
  const sha256 = hashPack(asOf, rows);
  return db.drizzle.transaction(async (tx: Executor) => {
    const [latest] = await executeRows<{ id: string; version: number; sha256: string }>(
      tx,
      sql`select id, version, sha256 from packs where as_of = ${asOf} order by version desc limit 1 for update`,
    );
    if (latest?.sha256 === sha256) {
      return { packId: latest.id, version: latest.version, sha256, reused: true, superseded: null };
    }
    const version = (latest?.version ?? 0) + 1;
    const packId = packIdOf(asOf, version);
    const of = (kind: PackRow['kind']) => rows.filter((r) => r.kind === kind);
    const provenance = (r: PackRow) => [
      r.provider,
      r.fallbackUsed,
      r.carriedForwardFrom !== null,
      r.carriedForwardFrom ?? r.date,
    ];
    await tx.execute(
      sql`insert into packs (id, as_of, version, sha256, status, price_count, fx_count, macro_count)
          values (${packId}, ${asOf}, ${version}, ${sha256}, 'warming',
                  ${of('price').length}, ${of('fx').length}, ${of('macro').length})`,
    );
    const tail = ['provider', 'fallback_used', 'carried_forward', 'source_date'];
    await insertRows(
      tx,
      'pack_prices',
      ['pack_id', 'symbol', 'close', 'currency', ...tail],
      of('price').map((r) => [packId, r.key, r.value, r.currency, ...provenance(r)]),
    );
    await insertRows(
      tx,
      'pack_fx',
      ['pack_id', 'base', 'quote', 'rate', ...tail],
      of('fx').map((r) => [packId, r.key.slice(0, 3), r.key.slice(3), r.value, ...provenance(r)]),
    );
    await insertRows(
      tx,
      'pack_macro',
      ['pack_id', 'series', 'value', ...tail],
      of('macro').map((r) => [packId, r.key, r.value, ...provenance(r)]),
    );
    if (latest !== undefined) {
      await tx.execute(
        sql`update packs set status = 'superseded', superseded_by = ${packId} where id = ${latest.id}`,
      );
    }
    return { packId, version, sha256, reused: false, superseded: latest?.id ?? null };
  });
}
