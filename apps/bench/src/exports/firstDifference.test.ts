import { describe, expect, it } from 'vitest';
import { firstDifference } from './firstDifference.js';

describe('firstDifference', () => {
  it('is null for identical texts', () => {
    expect(firstDifference('a\nb\n', 'a\nb\n')).toBeNull();
  });

  it('names the first differing line, 1-based, with both sides', () => {
    expect(firstDifference('a\nb\nc\n', 'a\nB\nC\n')).toEqual({
      line: 2,
      expected: 'b',
      actual: 'B',
    });
  });

  it('reports a missing tail as null on the shorter side', () => {
    expect(firstDifference('a\nb', 'a')).toEqual({ line: 2, expected: 'b', actual: null });
    expect(firstDifference('a', 'a\nb')).toEqual({ line: 2, expected: null, actual: 'b' });
  });

  it('sees a difference in the trailing newline', () => {
    expect(firstDifference('a\n', 'a')).toEqual({ line: 2, expected: '', actual: null });
  });
});
