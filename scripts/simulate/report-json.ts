/**
 * The `--json` document of `simulate`, written as the runs come:
 * `{ requests, runs: [{ file, line?, index, trigger, eventType, fields, empty }], unmatched: [{ file,
 * line?, index, eventType }], skipped: [{ file, line?, pointer?, reason }], assumptions: [{ id, text,
 * check }] }`. Byte for byte what `printJson` would print for the whole document (a test holds it to
 * that), without ever holding the whole document: a day's capture has tens of thousands of runs.
 */
import { terminalSafeJson } from "../write/console.js";
import { ASSUMPTIONS } from "../albato-assumptions.js";
import type { BlockOutput } from "./output.js";
import type { ElementOutcome, ElementPlace } from "./play.js";
import type { Report, ReportContext } from "./report.js";

/** `JSON.stringify(value, null, 2)` as it reads nested `depth` levels deep, escaped as `printJson` escapes. */
function nested(value: unknown, depth: number): string {
  return terminalSafeJson(JSON.stringify(value, null, 2)).replace(/\n/g, `\n${"  ".repeat(depth)}`);
}

function placeOf(place: ElementPlace): ElementPlace {
  return { file: place.file, ...(place.line !== undefined ? { line: place.line } : {}), index: place.index };
}

export class JsonReport implements Report {
  private runs = 0;
  private readonly unmatched: Array<ElementPlace & { eventType: string | null }> = [];

  constructor(
    private readonly output: BlockOutput,
    private readonly context: ReportContext,
  ) {
    output.add(`{\n  "requests": ${context.requests},\n  "runs": [`);
  }

  outcome(outcome: ElementOutcome): void {
    if (outcome.runs.length === 0) {
      this.unmatched.push({ ...placeOf(outcome.place), eventType: outcome.eventType });
      return;
    }
    for (const run of outcome.runs) {
      const document = { ...placeOf(outcome.place), trigger: run.trigger, eventType: outcome.eventType, fields: run.fields, empty: run.empty };
      this.output.add(`${this.runs === 0 ? "\n" : ",\n"}    ${nested(document, 2)}`);
      this.runs++;
    }
  }

  end(): void {
    const rest = {
      unmatched: this.unmatched,
      skipped: this.context.skipped.map(({ place, reason }) => ({ ...place, reason })),
      assumptions: ASSUMPTIONS.map(({ id, text, check }) => ({ id, text: text.en, check: check.en })),
    };
    this.output.add(this.runs === 0 ? "]" : "\n  ]");
    for (const [key, value] of Object.entries(rest)) this.output.add(`,\n  ${JSON.stringify(key)}: ${nested(value, 1)}`);
    this.output.add("\n}\n");
    this.output.flush();
  }

  get unmatchedCount(): number {
    return this.unmatched.length;
  }
}
