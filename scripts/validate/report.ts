/**
 * What `validate` finds, collected and printed. A unit of work (a batch of files, or a range of a large
 * log, on whichever thread) fills a `UnitCollector`; the run's `RunReport` takes the units' results in
 * file and line order and prints each finding as it comes (memory stays flat on huge logs), or keeps them
 * for one `--json` document at the end. Text that came from input is made terminal-safe here, at the edge.
 */
import { provisionalEventTypes } from "../event-types.js";
import { terminalSafe } from "../write/terminal-text.js";
import { INPUT_KEYWORDS, type CheckSink, type FileProblem, type Finding } from "./findings.js";
import type { Summary } from "./json-document.js";

export type { FileProblem, Finding } from "./findings.js";

/** What one unit of work found: plain data, so it can come back from a worker thread. */
export interface UnitResult {
  events: number;
  valid: number;
  invalid: number;
  /** Provisional event types among the events checked. */
  provisional: string[];
  /** Problems and warnings in input order; lines count from the start of the unit's range. */
  findings: Finding[];
  /** Files read to their end. */
  files: number;
  /** For a range of a file: its lines, and how many held something. */
  lines: number;
  nonBlank: number;
}

const PROVISIONAL = new Set(provisionalEventTypes());

export class UnitCollector implements CheckSink {
  readonly result: UnitResult = { events: 0, valid: 0, invalid: 0, provisional: [], findings: [], files: 0, lines: 0, nonBlank: 0 };

  event(eventType: unknown, valid: boolean): void {
    const result = this.result;
    result.events++;
    if (valid) result.valid++;
    else result.invalid++;
    if (typeof eventType === "string" && PROVISIONAL.has(eventType) && !result.provisional.includes(eventType)) result.provisional.push(eventType);
  }

  finding(finding: Finding): void {
    this.result.findings.push(finding);
  }
}

export interface Output {
  write(text: string): void;
}

/** `file:line[index] event_type /pointer: message` (the parts that apply), terminal-safe. */
export function formatFinding(finding: Finding): string {
  let place = finding.file;
  if (finding.line !== undefined) place += `:${finding.line}`;
  if (finding.column !== undefined) place += `:${finding.column}`;
  if (finding.index !== undefined) place += `[${finding.index}]`;
  const type = finding.eventType === undefined ? "" : ` ${finding.eventType}`;
  const pointer = INPUT_KEYWORDS.has(finding.keyword) ? "" : ` ${finding.pointer === "" ? "(root)" : finding.pointer}`;
  return terminalSafe(`${place}${type}${pointer}: ${finding.warning ? "warning: " : ""}${finding.message}`);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

export function formatSummary(summary: Pick<Summary, "events" | "files" | "valid" | "invalid">, problemCount: number, warningCount = 0): string {
  const scope = `${plural(summary.events, "event")} in ${plural(summary.files, "file")}`;
  const warnings = warningCount === 0 ? "" : `, ${plural(warningCount, "warning")}`;
  if (problemCount === 0) return `${scope}: all valid${warnings}`;
  return `${scope}: ${summary.valid} valid, ${summary.invalid} invalid, ${plural(problemCount, "problem")}${warnings}`;
}

export class RunReport {
  events = 0;
  valid = 0;
  invalid = 0;
  problemCount = 0;
  warningCount = 0;
  files = 0;
  private readonly problems: FileProblem[] = [];
  private readonly warnings: FileProblem[] = [];
  private readonly seenTypes = new Set<string>();

  /** `output` receives lines as they come; undefined collects findings for one JSON document. */
  constructor(private readonly output: Output | undefined) {}

  /** A unit's result, in order; `lineOffset` turns its lines into the file's. */
  add(result: UnitResult, lineOffset = 0): void {
    this.events += result.events;
    this.valid += result.valid;
    this.invalid += result.invalid;
    this.files += result.files;
    for (const type of result.provisional) this.seenTypes.add(type);
    for (const finding of result.findings) {
      if (lineOffset !== 0 && finding.line !== undefined) finding.line += lineOffset;
      this.finding(finding);
    }
  }

  finding(finding: Finding): void {
    if (finding.warning) this.warningCount++;
    else this.problemCount++;
    if (this.output) {
      this.output.write(`${formatFinding(finding)}\n`);
    } else if (finding.warning) {
      const { warning: _, ...plain } = finding;
      this.warnings.push(plain);
    } else {
      this.problems.push(finding);
    }
  }

  summary(): Summary {
    return {
      files: this.files,
      events: this.events,
      valid: this.valid,
      invalid: this.invalid,
      problems: this.problems,
      warnings: this.warnings,
      provisionalEventTypes: [...this.seenTypes].sort(),
    };
  }
}
