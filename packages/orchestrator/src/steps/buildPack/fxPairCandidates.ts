/**
 * The FX pairs that can convert `currency` into `base`, in order of preference (the pack's
 * cross-rate policy): the direct pair `<currency><base>` (units of base per one currency,
 * used as is), else the inverse pair `<base><currency>` (its reciprocal). No triangulated
 * crosses: a currency with neither pair in the source has no rate, which fails build_pack.
 */
export function fxPairCandidates(currency: string, base: string): readonly [string, string] {
  return [`${currency}${base}`, `${base}${currency}`];
}
