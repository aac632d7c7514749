/** Regroup events into Altcraft's shape: JSON arrays of at most `size` events, in their order. */
export function toBatches<T>(events: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < events.length; start += size) batches.push(events.slice(start, start + size));
  return batches;
}
