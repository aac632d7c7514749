/**
 * "Did you mean …?" for unknown keys: the closest valid key by Damerau–Levenshtein distance
 * (optimal string alignment: insert, delete, substitute, swap two neighbours), when it is close enough
 * to be a plausible typo.
 */

/** Edit distance where swapping two adjacent characters counts as one edit. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  // Three rolling rows are enough for the transposition lookback.
  let before = new Array<number>(cols).fill(0);
  let previous = Array.from({ length: cols }, (_, j) => j);
  let current = new Array<number>(cols).fill(0);
  for (let i = 1; i < rows; i++) {
    current[0] = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, before[j - 2]! + 1);
      }
      current[j] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[cols - 1]!;
}

/** Case, `_` and `-` do not matter for a suggestion: `eventType` and `Event-Type` both mean `event_type`. */
function normalise(key: string): string {
  return key.toLowerCase().replace(/[_-]/g, "");
}

/**
 * The valid key nearest to `key`, or undefined when none is close (at most a third of the longer
 * key's length in edits, at least one). Ties go to the alphabetically first key, so the answer is stable.
 */
export function nearestKey(key: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of [...candidates].sort()) {
    const distance = normalise(candidate) === normalise(key) ? 0.5 : editDistance(key, candidate);
    const limit = Math.max(1, Math.floor(Math.max(key.length, candidate.length) / 3));
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** ` (did you mean "x"?)` or nothing: the tail of an "unknown key" message. */
export function didYouMean(key: string, candidates: Iterable<string>): string {
  const nearest = nearestKey(key, candidates);
  return nearest === undefined ? "" : ` (did you mean "${nearest}"?)`;
}
