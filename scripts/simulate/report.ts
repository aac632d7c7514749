/** What the two reports of `simulate` (text, `--json`) share: they take the outcomes in input order, then end. */
import type { Skipped } from "../load/event-inputs.js";
import type { ElementOutcome } from "./play.js";

/** What a report knows before the first element is played. */
export interface ReportContext {
  /** Requests that carry events. */
  requests: number;
  skipped: readonly Skipped[];
  /** The manifest as the user named it. */
  manifestLabel: string;
}

export interface Report {
  outcome(outcome: ElementOutcome): void;
  /** Write what comes after the runs, and flush. */
  end(): void;
  /** Elements no trigger took, so far. */
  readonly unmatchedCount: number;
}
