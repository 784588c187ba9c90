import { describe, expect, it } from 'vitest';
import { groupByKey } from './groupByKey.js';

describe('groupByKey', () => {
  it('groups by key in first-seen order and keeps item order inside a group', () => {
    const rows = [
      { p: 'b', n: 1 },
      { p: 'a', n: 2 },
      { p: 'b', n: 3 },
    ];
    const groups = groupByKey(rows, (r) => r.p);
    expect([...groups.keys()]).toEqual(['b', 'a']);
    expect(groups.get('b')?.map((r) => r.n)).toEqual([1, 3]);
    expect(groupByKey([], (r: { p: string }) => r.p).size).toBe(0);
  });
});
