/** Where two texts first differ: the 1-based line number and both lines (absent past an end). */
export interface TextDifference {
  readonly line: number;
  readonly expected: string | null;
  readonly actual: string | null;
}

/**
 * The first line on which `actual` differs from `expected`, or null when the texts are
 * byte-identical. Lines split on `\n`; a text that is a strict prefix of the other differs
 * on the first line the shorter lacks (its side is null).
 *
 * @example firstDifference('a\nb\n', 'a\nc\n') // { line: 2, expected: 'b', actual: 'c' }
 */
export function firstDifference(expected: string, actual: string): TextDifference | null {
  if (expected === actual) return null;
  const want = expected.split('\n');
  const got = actual.split('\n');
  for (let i = 0; i < Math.max(want.length, got.length); i++) {
    if (want[i] !== got[i]) {
      return { line: i + 1, expected: want[i] ?? null, actual: got[i] ?? null };
    }
  }
  return null; // unreachable: unequal texts differ on some line
}
