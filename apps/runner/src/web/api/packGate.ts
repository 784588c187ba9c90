import { getFreshness, getLatestFreshPack, type Freshness } from '@truth-spine/orchestrator';
import { type Database } from '@truth-spine/store';

/** The pack a read API request may be answered from. */
export interface ServedPack {
  readonly pack_id: string;
  readonly as_of: string;
  readonly hash: string;
}

/** Why a request gets no pack numbers. */
export type GateRefusal =
  /** 503: the latest pack is not fresh (or none exists); `latest_fresh` may be asked for by `?pack=`. */
  | {
      readonly kind: 'not_fresh';
      readonly gate: Freshness | null;
      readonly latest_fresh: Freshness | null;
    }
  /** 404: `?pack=` names no pack. */
  | { readonly kind: 'unknown_pack'; readonly pack_id: string }
  /**
   * 409: `?pack=` names a pack that is neither the fresh latest pack nor the newest fresh
   * pack (warming, blocked, superseded, or an older night's pack).
   */
  | { readonly kind: 'pack_not_fresh'; readonly pack_id: string; readonly status: string };

export type GateDecision =
  | { readonly ok: true; readonly pack: ServedPack; readonly gate: Freshness }
  | { readonly ok: false; readonly refusal: GateRefusal; readonly gate: Freshness | null };

/**
 * The read API's use of the freshness gate (orchestrator `getFreshness`,
 * `getLatestFreshPack`; never re-derived here):
 * - without `?pack=`: the latest pack when the gate says `fresh`, otherwise a `not_fresh`
 *   refusal naming the gate's state and the newest fresh pack;
 * - with `?pack=ID`: that pack only when it is the latest pack and fresh, or the newest
 *   fresh pack; any other known pack is refused with its state, an unknown id is
 *   `unknown_pack`.
 * `gate` is the latest pack's freshness as read for this request.
 */
export async function decideServedPack(
  gate: Freshness | null,
  db: Database,
  requested: string | null,
): Promise<GateDecision> {
  if (requested === null) {
    if (gate?.status === 'fresh') return { ok: true, pack: served(gate), gate };
    const latestFresh = await getLatestFreshPack(db);
    return { ok: false, gate, refusal: { kind: 'not_fresh', gate, latest_fresh: latestFresh } };
  }
  if (gate?.pack_id === requested) {
    if (gate.status === 'fresh') return { ok: true, pack: served(gate), gate };
    return {
      ok: false,
      gate,
      refusal: { kind: 'pack_not_fresh', pack_id: requested, status: gate.status },
    };
  }
  const latestFresh = await getLatestFreshPack(db);
  if (latestFresh?.pack_id === requested && gate !== null) {
    return { ok: true, pack: served(latestFresh), gate };
  }
  const [known] = await db.query<{ status: string }>('select status from packs where id = $1', [
    requested,
  ]);
  if (known === undefined) {
    return { ok: false, gate, refusal: { kind: 'unknown_pack', pack_id: requested } };
  }
  return {
    ok: false,
    gate,
    refusal: {
      kind: 'pack_not_fresh',
      pack_id: requested,
      status: known.status,
    },
  };
}

/** The gate's current answer (one `getFreshness` per read; see `FreshAfterArrival`). */
export function readGate(db: Database): Promise<Freshness | null> {
  return getFreshness(db);
}

function served(f: Freshness): ServedPack {
  return { pack_id: f.pack_id, as_of: f.as_of, hash: f.hash };
}
