/** A deterministic stream of pseudo-random draws (mulberry32 uniforms, Box–Muller normals). */
export interface SeededStream {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Standard normal N(0, 1). */
  normal(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Uniform in [low, high). */
  between(low: number, high: number): number;
}

/**
 * A stream seeded by the FNV-1a hash of `keys` joined with `/`, so every security and
 * portfolio of a generated data set gets its own independent stream: generating them in
 * any order, or only some of them, gives the same draws for each (same keys → same bytes).
 */
export function seededStream(...keys: readonly (string | number)[]): SeededStream {
  let state = fnv1a(keys.join('/'));
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    uniform,
    normal: () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform()),
    int: (n) => Math.floor(uniform() * n),
    between: (low, high) => low + (high - low) * uniform(),
  };
}

/** 32-bit FNV-1a hash of a string's UTF-16 code units. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
