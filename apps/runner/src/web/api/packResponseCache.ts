import { createHash } from 'node:crypto';
import type { Freshness } from '@truth-spine/orchestrator';

/** A rendered answer and its entity tag. */
export interface CachedResponse {
  readonly body: string;
  readonly etag: string;
}

/**
 * Rendered read-API answers per (pack, path). A pack's contents never change once it is
 * fresh, so an answer computed from a fresh pack stays right for as long as the gate keeps
 * answering the same; the cache is emptied whenever the gate's answer (pack id, status,
 * hash, fresh_at) differs from the one it last saw, and when it holds `maxEntries`.
 * The ETag is a SHA-256 of the body, so equal bodies always carry equal tags.
 */
export class PackResponseCache {
  readonly #entries = new Map<string, CachedResponse>();
  #gateKey = '';

  constructor(private readonly maxEntries = 20_000) {}

  /** Empties the cache when the gate's answer changed since the last call. */
  observeGate(gate: Freshness | null): void {
    const key =
      gate === null
        ? 'none'
        : `${gate.pack_id}\n${gate.status}\n${gate.hash}\n${gate.fresh_at ?? ''}`;
    if (key !== this.#gateKey) {
      this.#entries.clear();
      this.#gateKey = key;
    }
  }

  get(packId: string, path: string): CachedResponse | undefined {
    return this.#entries.get(`${packId}\n${path}`);
  }

  put(packId: string, path: string, body: string): CachedResponse {
    if (this.#entries.size >= this.maxEntries) this.#entries.clear();
    const entry = { body, etag: entityTag(body) };
    this.#entries.set(`${packId}\n${path}`, entry);
    return entry;
  }

  get size(): number {
    return this.#entries.size;
  }
}

/** A strong entity tag for `body`: the first 32 hex digits of its SHA-256, quoted. */
export function entityTag(body: string): string {
  return `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"`;
}

/** Whether an `If-None-Match` header names `etag` (or is `*`). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}
