import { describe, expect, it } from "vitest";
import { didYouMean, editDistance, nearestKey } from "../scripts/load/nearest-key.js";

/** The textbook optimal-string-alignment distance, written plainly as a reference. */
function referenceDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
      }
    }
  }
  return d[a.length]![b.length]!;
}

/** A small deterministic generator, so failures reproduce. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const KEYS = ["code", "event_type", "group", "schema", "samples", "exclude"];

describe("editDistance", () => {
  it("counts insertions, deletions, substitutions and adjacent swaps as one edit each", () => {
    expect(editDistance("event_type", "event_type")).toBe(0);
    expect(editDistance("evnt_type", "event_type")).toBe(1);
    expect(editDistance("evetn_type", "event_type")).toBe(1);
    expect(editDistance("eventXtype", "event_type")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("abc", "")).toBe(3);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });

  it("agrees with a plain reference implementation on generated strings, and is symmetric", () => {
    const next = random(7);
    const alphabet = "ab_c";
    const word = () => Array.from({ length: Math.floor(next() * 8) }, () => alphabet[Math.floor(next() * alphabet.length)]).join("");
    for (let n = 0; n < 2000; n++) {
      const a = word();
      const b = word();
      expect(editDistance(a, b), `${a} / ${b}`).toBe(referenceDistance(a, b));
      expect(editDistance(a, b)).toBe(editDistance(b, a));
    }
  });
});

describe("nearestKey", () => {
  it("suggests the key a one-edit typo came from", () => {
    const next = random(42);
    const letters = "abcdefghijklmnopqrstuvwxyz_";
    for (let n = 0; n < 500; n++) {
      const key = KEYS[Math.floor(next() * KEYS.length)]!;
      const at = Math.floor(next() * key.length);
      const letter = letters[Math.floor(next() * letters.length)]!;
      const edits = [
        key.slice(0, at) + key.slice(at + 1),
        key.slice(0, at) + letter + key.slice(at),
        key.slice(0, at) + letter + key.slice(at + 1),
        at + 1 < key.length ? key.slice(0, at) + key[at + 1] + key[at] + key.slice(at + 2) : key,
      ];
      for (const typo of edits) {
        const suggestion = nearestKey(typo, KEYS);
        // Another key may be just as close; then the suggestion is at least as close as the source.
        expect(suggestion, typo).toBeDefined();
        expect(editDistance(typo, suggestion!), typo).toBeLessThanOrEqual(editDistance(typo, key));
      }
    }
  });

  it("ignores case, underscores and hyphens", () => {
    expect(nearestKey("eventType", KEYS)).toBe("event_type");
    expect(nearestKey("Event-Type", KEYS)).toBe("event_type");
  });

  it("suggests nothing for a key unlike any valid one", () => {
    expect(nearestKey("colour", KEYS)).toBeUndefined();
    expect(nearestKey("x", KEYS)).toBeUndefined();
    expect(didYouMean("colour", KEYS)).toBe("");
  });

  it("breaks ties alphabetically, whatever the order of the candidates", () => {
    expect(nearestKey("cat", ["bat", "hat"])).toBe("bat");
    expect(nearestKey("cat", ["hat", "bat"])).toBe("bat");
  });

  it("phrases the suggestion for messages", () => {
    expect(didYouMean("evnt_type", KEYS)).toBe(' (did you mean "event_type"?)');
  });
});
