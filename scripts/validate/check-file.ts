/**
 * Check the content of one input, line by line as it streams in. The kind of input is read from the
 * content: a first line that is JSON on its own means NDJSON (an event or a batch per line); otherwise
 * the text is one JSON document (an event, or a batch spread over lines), unless its second line is
 * JSON on its own (NDJSON whose first line is broken). Nothing is skipped: a line that is not JSON is
 * a problem with its line number, and the other lines are still checked.
 */
import { describeValue } from "../runtime/messages.js";
import type { ValidateOptions } from "../runtime/problems.js";
import { validateEvent } from "../runtime/validate.js";
import { locateJsonError } from "../load/json.js";
import type { Report } from "./report.js";

type Mode = "detect" | "lines" | "document";

function isBlank(text: string): boolean {
  return text.trim() === "";
}

/** JSON.parse, or undefined with the error. */
function tryParse(text: string): { value: unknown; error?: undefined } | { value?: undefined; error: Error } {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { error: error as Error };
  }
}

function isContainer(value: unknown): boolean {
  return typeof value === "object" && value !== null;
}

export class FileChecker {
  private mode: Mode;
  /** In document mode: every line so far (line n at index n - 1). */
  private lines: string[] = [];
  private nonBlankLines = 0;

  constructor(
    private readonly file: string,
    /** `.ndjson` / `.jsonl`: one JSON value per line, whatever the first line looks like. */
    forceLines: boolean,
    private readonly report: Report,
    private readonly options: ValidateOptions,
  ) {
    this.mode = forceLines ? "lines" : "detect";
  }

  line(text: string, lineNumber: number): void {
    if (this.mode === "lines") {
      this.checkLine(text, lineNumber);
      return;
    }
    this.lines.push(text);
    if (this.mode === "document" && this.nonBlankLines > 1) return;
    if (isBlank(text)) return;
    this.nonBlankLines++;
    const parsed = tryParse(text);
    if (this.mode === "detect") {
      if (parsed.error === undefined) {
        this.mode = "lines";
        this.lines = [];
        this.checkValue(parsed.value, lineNumber);
      } else {
        this.mode = "document";
      }
    } else if (parsed.error === undefined && isContainer(parsed.value)) {
      // The second line is JSON on its own: NDJSON with a broken first line.
      this.replayAsLines();
    }
  }

  end(): void {
    if (this.mode === "lines") {
      if (this.nonBlankLines === 0) this.emptyInput();
      return;
    }
    if (this.nonBlankLines === 0) {
      this.emptyInput();
      return;
    }
    const text = this.lines.join("\n");
    const parsed = tryParse(text);
    if (parsed.error === undefined) {
      this.checkValue(parsed.value, undefined);
    } else if (this.lines.some((line, index) => index > 0 && isContainer(tryParse(line).value))) {
      // Not one document, but some lines are JSON on their own: report line by line.
      this.replayAsLines();
    } else {
      this.notJson(text, parsed.error, 0);
    }
  }

  private replayAsLines(): void {
    const lines = this.lines;
    this.lines = [];
    this.mode = "lines";
    this.nonBlankLines = 0;
    lines.forEach((text, index) => this.checkLine(text, index + 1));
  }

  private checkLine(text: string, lineNumber: number): void {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      if (isBlank(text)) return;
      this.nonBlankLines++;
      this.notJson(text, error as Error, lineNumber - 1);
      return;
    }
    this.nonBlankLines++;
    this.checkValue(value, lineNumber);
  }

  /** `text` starts at line `lineOffset + 1` of the input. */
  private notJson(text: string, error: Error, lineOffset: number): void {
    const { line = 1, column, reason } = locateJsonError(text, error);
    this.report.event(undefined, false);
    this.report.problem({
      file: this.file,
      line: line + lineOffset,
      ...(column !== undefined ? { column } : {}),
      pointer: "",
      keyword: "json",
      message: `not valid JSON: ${reason}`,
    });
  }

  private emptyInput(): void {
    this.report.problem({ file: this.file, pointer: "", keyword: "empty", message: "no events: the input is empty" });
  }

  private checkValue(value: unknown, line: number | undefined): void {
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) this.checkEvent(value[index], line, index);
    } else if (isContainer(value)) {
      this.checkEvent(value, line, undefined);
    } else {
      this.report.event(undefined, false);
      this.report.problem({
        file: this.file,
        line,
        pointer: "",
        keyword: "type",
        message: `must be an event object or an array of events, found ${describeValue(value)}`,
      });
    }
  }

  private checkEvent(event: unknown, line: number | undefined, index: number | undefined): void {
    const problems = validateEvent(event, this.options);
    const eventType = this.options.eventType ?? (event as { event_type?: unknown } | null)?.event_type;
    this.report.event(eventType, problems.length === 0);
    for (const problem of problems) {
      this.report.problem({
        file: this.file,
        line,
        index,
        eventType: "eventType" in problem ? problem.eventType : undefined,
        pointer: problem.pointer,
        keyword: problem.keyword,
        message: problem.message,
      });
    }
  }
}
