import { describe, expect, it } from 'vitest';
import { compareCodePoints } from './compareCodePoints.js';

describe('compareCodePoints', () => {
  it('orders as UTF-8 bytes (collate "C"), also beyond U+FFFF', () => {
    const words = ['b', '\u{1F600}', 'a', '\uFFFD', 'ab', '', 'B', '\u{10000}', '\uE000'];
    const byBytes = [...words].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
    expect([...words].sort(compareCodePoints)).toEqual(byBytes);
    expect(byBytes).toEqual([
      '',
      'B',
      'a',
      'ab',
      'b',
      '\uE000',
      '\uFFFD',
      '\u{10000}',
      '\u{1F600}',
    ]);
  });
});
