/**
 * Counts events and problems as they are found, and prints them: in text mode one line per problem as
 * it comes (memory stays flat on huge logs), in `--json` mode one document at the end.
 */
import { provisionalEventTypes } from "../event-types.js";

export interface FileProblem {
  file: string;
  /** 1-based line, for NDJSON lines and for text that is not JSON. */
  line?: number;
  column?: number;
  /** Index of the event in a batch (a JSON array). */
  index?: number;
  eventType?: string;
  /** JSON pointer inside the event ("" = the event itself). */
  pointer: string;
  keyword: string;
  message: string;
}

export interface Summary {
  files: number;
  events: number;
  valid: number;
  invalid: number;
  problems: FileProblem[];
  /** Event types whose wire names the documentation does not confirm, among those validated. */
  provisionalEventTypes: string[];
}

export interface Output {
  write(text: string): void;
}

/** `file:line[index] event_type /pointer: message` (the parts that apply). */
export function formatProblem(problem: FileProblem): string {
  let place = problem.file;
  if (problem.line !== undefined) place += `:${problem.line}`;
  if (problem.column !== undefined) place += `:${problem.column}`;
  if (problem.index !== undefined) place += `[${problem.index}]`;
  const type = problem.eventType === undefined ? "" : ` ${problem.eventType}`;
  const pointer = problem.keyword === "json" ? "" : ` ${problem.pointer === "" ? "(root)" : problem.pointer}`;
  return `${place}${type}${pointer}: ${problem.message}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

export function formatSummary(summary: Omit<Summary, "problems">, problemCount: number): string {
  const scope = `${plural(summary.events, "event")} in ${plural(summary.files, "file")}`;
  if (problemCount === 0) return `${scope}: all valid`;
  return `${scope}: ${summary.valid} valid, ${summary.invalid} invalid, ${plural(problemCount, "problem")}`;
}

const PROVISIONAL = new Set(provisionalEventTypes());

export class Report {
  events = 0;
  valid = 0;
  invalid = 0;
  problemCount = 0;
  files = 0;
  private readonly collected: FileProblem[] = [];
  private readonly seenTypes = new Set<string>();

  /** `output` receives problem lines as they come; undefined collects them for one JSON document. */
  constructor(private readonly output: Output | undefined) {}

  event(eventType: unknown, valid: boolean): void {
    this.events++;
    if (valid) this.valid++;
    else this.invalid++;
    if (typeof eventType === "string" && PROVISIONAL.has(eventType)) this.seenTypes.add(eventType);
  }

  problem(problem: FileProblem): void {
    this.problemCount++;
    if (this.output) this.output.write(`${formatProblem(problem)}\n`);
    else this.collected.push(problem);
  }

  summary(): Summary {
    return {
      files: this.files,
      events: this.events,
      valid: this.valid,
      invalid: this.invalid,
      problems: this.collected,
      provisionalEventTypes: [...this.seenTypes].sort(),
    };
  }
}
