/**
 * The text report of `simulate`, written element by element in input order: each run's trigger (code
 * and name) and event type, every field's value as JSON on its own line, the fields that came out empty;
 * the elements no trigger took; then the skipped inputs, the assumptions and a summary. Everything that
 * came from input or from the manifest goes through `terminalSafe`.
 */
import type { Skipped } from "../load/event-inputs.js";
import { terminalSafe } from "../write/terminal-text.js";
import { ASSUMPTIONS } from "../albato-assumptions.js";
import type { BlockOutput } from "./output.js";
import type { ElementOutcome, ElementPlace } from "./play.js";
import type { Report, ReportContext } from "./report.js";

const json = (value: unknown): string => terminalSafe(JSON.stringify(value));

function placeText(place: ElementPlace): string {
  return `${terminalSafe(place.file)}${place.line !== undefined ? `:${place.line}` : ""}[${place.index}]`;
}

function skippedText({ place, reason }: Skipped): string {
  const where = `${place.file}${place.line !== undefined ? `:${place.line}` : ""}${place.pointer !== undefined ? ` ${place.pointer}` : ""}`;
  return `  ${terminalSafe(where)}: ${terminalSafe(reason)}\n`;
}

const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;

export class TextReport implements Report {
  private elements = 0;
  private runs = 0;
  private unmatched = 0;

  constructor(
    private readonly output: BlockOutput,
    private readonly context: ReportContext,
  ) {}

  outcome(outcome: ElementOutcome): void {
    this.elements++;
    const eventType = `event type ${json(outcome.eventType)}`;
    if (outcome.runs.length === 0) {
      this.unmatched++;
      this.output.add(`${placeText(outcome.place)}  no trigger took it  ${eventType}\n\n`);
      return;
    }
    for (const run of outcome.runs) {
      this.runs++;
      const lines = [`${placeText(outcome.place)}  ${terminalSafe(run.trigger)} ${json(run.triggerName)}  ${eventType}`];
      const codes = Object.keys(run.fields);
      const width = Math.max(0, ...codes.map((code) => code.length));
      for (const code of codes) lines.push(`  ${terminalSafe(code.padEnd(width))}  ${json(run.fields[code])}`);
      if (run.empty.length > 0) lines.push(`  empty (${run.empty.length}): ${terminalSafe(run.empty.join(", "))}`);
      this.output.add(`${lines.join("\n")}\n\n`);
    }
  }

  end(): void {
    const { skipped, requests, manifestLabel } = this.context;
    if (skipped.length > 0) this.output.add(`Skipped (${skipped.length}), holding no events to play:\n${skipped.map(skippedText).join("")}\n`);
    this.output.add("Assumptions where Albato's behaviour is not documented (--json and the setup guide say how to check each):\n");
    for (const assumption of ASSUMPTIONS) this.output.add(`  ${assumption.id}: ${assumption.text.en}\n`);
    const taken = this.unmatched === 0 ? "every element started a trigger" : `${plural(this.unmatched, "element")} no trigger took`;
    const parts = [plural(this.runs, "run"), taken, ...(skipped.length > 0 ? [`${plural(skipped.length, "input")} skipped`] : [])];
    this.output.add(`\n${plural(requests, "request")} (${plural(this.elements, "element")}) through ${terminalSafe(manifestLabel)}: ${parts.join(", ")}.\n`);
    this.output.flush();
  }

  get unmatchedCount(): number {
    return this.unmatched;
  }
}
