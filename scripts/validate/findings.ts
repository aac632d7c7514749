/**
 * What checking an input finds: problems (the input is found wanting: exit 1) and warnings (worth
 * knowing, not a failure), each with its place as data. They become text in `format.ts`, at the edge.
 */

export interface FileProblem {
  file: string;
  /** 1-based line, for NDJSON lines, capture records and text that is not JSON. */
  line?: number;
  column?: number;
  /** Index of the event in a batch (a JSON array, or the body of a captured request). */
  index?: number;
  eventType?: string;
  /** JSON pointer inside the event ("" = the event itself). */
  pointer: string;
  keyword: string;
  message: string;
}

/** A problem, or a warning (`warning: true`, only while it travels with the problems it is ordered among). */
export type Finding = FileProblem & { warning?: true };

/** Where a checker reports to: one call per event checked, per problem and per warning, in input order. */
export interface CheckSink {
  event(eventType: unknown, valid: boolean): void;
  finding(finding: Finding): void;
}

/** Keywords about the input itself rather than a value in an event: their lines show no pointer. */
export const INPUT_KEYWORDS: ReadonlySet<string> = new Set(["json", "encoding", "empty", "truncated", "torn"]);
