/**
 * Groups `items` by `key(item)`, keeping their order inside each group (one pass; an
 * `Map.groupBy` for the es2023 library this repository targets).
 *
 * @example groupByKey([{ p: 'a' }, { p: 'b' }, { p: 'a' }], (x) => x.p).get('a')?.length // 2
 */
export function groupByKey<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group === undefined) groups.set(k, [item]);
    else group.push(item);
  }
  return groups;
}
