/** Every item whose key an earlier item already had, with the index of that earlier item. */
export function repeats<T>(items: readonly T[], keyOf: (item: T) => string): Array<{ item: T; index: number; earlier: number }> {
  const first = new Map<string, number>();
  const found: Array<{ item: T; index: number; earlier: number }> = [];
  items.forEach((item, index) => {
    const key = keyOf(item);
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, index);
    else found.push({ item, index, earlier });
  });
  return found;
}
