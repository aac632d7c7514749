import { typeStanding } from "./validator.js";

/** What a `listen` run has seen, for the summary printed when it stops. */
export class ListenStats {
  requests = 0;
  events = 0;
  problems = 0;
  /** Integer literals beyond 2^53 seen in bodies. */
  unsafeIntegers = 0;
  readonly byStatus = new Map<number, number>();
  readonly byType = new Map<string, number>();

  addRequest(status: number, eventCounts: ReadonlyMap<string, number>, problems: number, unsafeIntegers = 0): void {
    this.requests++;
    this.unsafeIntegers += unsafeIntegers;
    this.problems += problems;
    this.byStatus.set(status, (this.byStatus.get(status) ?? 0) + 1);
    for (const [type, count] of eventCounts) {
      this.events += count;
      this.byType.set(type, (this.byType.get(type) ?? 0) + count);
    }
  }

  /** Sorted plain data (for `--json` and tests). */
  toJSON(): {
    requests: number;
    events: number;
    problems: number;
    unsafeIntegers: number;
    byStatus: Record<string, number>;
    byType: Record<string, number>;
  } {
    return {
      requests: this.requests,
      events: this.events,
      problems: this.problems,
      unsafeIntegers: this.unsafeIntegers,
      byStatus: Object.fromEntries([...this.byStatus].sort((a, b) => a[0] - b[0]).map(([k, v]) => [String(k), v])),
      byType: Object.fromEntries([...this.byType].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))),
    };
  }

  /** Types seen that the registry does not confirm, for the summary's closing hint. */
  unconfirmedTypes(): { type: string; standing: "provisional" | "unknown"; count: number }[] {
    const found: { type: string; standing: "provisional" | "unknown"; count: number }[] = [];
    for (const [type, count] of [...this.byType].sort()) {
      const standing = typeStanding(type);
      if (standing !== "confirmed") found.push({ type, standing, count });
    }
    return found;
  }
}
