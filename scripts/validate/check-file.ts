/**
 * Check the content of one input, line by line as it streams in. The kind of input is read from the
 * content: a first line that is JSON on its own means NDJSON (an event, a batch or a `listen` capture
 * record per line); otherwise the text is one JSON document (an event, or a batch spread over lines),
 * unless its second line is JSON on its own (NDJSON whose first line is broken). Nothing is skipped: a
 * line that is not JSON or not UTF-8 is a problem with its line number, and the other lines are still
 * checked; so is a captured request whose body holds no events to check.
 */
import { inexactIntegers } from "../load/inexact-integers.js";
import { jsonErrorOffset, locateJsonError } from "../load/json.js";
import { isCaptureRecord } from "../model/capture.js";
import { describeValue } from "../runtime/messages.js";
import type { ValidateOptions } from "../runtime/problems.js";
import { validateEvent } from "../runtime/validate.js";
import { checkRecord } from "./check-record.js";
import type { CheckSink, FileProblem } from "./findings.js";
import { invalidUtf8Byte } from "./utf8.js";

type Mode = "detect" | "lines" | "document";

export function isBlank(text: string): boolean {
  return text.length === 0 || text.trim() === "";
}

const isJsonSpace = (code: number): boolean => code === 32 || code === 9 || code === 10 || code === 13;
const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/**
 * False when JSON.parse would surely throw (its first and last characters cannot start and end one JSON
 * value): telling a document's lines from NDJSON then costs no exception for each line that is not JSON
 * on its own, which is most of what a folder of pretty-printed events would otherwise spend its time on.
 */
export function mayBeJson(text: string): boolean {
  let first = 0;
  let last = text.length - 1;
  while (first <= last && isJsonSpace(text.charCodeAt(first))) first++;
  while (last >= first && isJsonSpace(text.charCodeAt(last))) last--;
  if (first > last) return false;
  const start = text.charCodeAt(first);
  const end = text.charCodeAt(last);
  switch (start) {
    case 123: // {
      return end === 125;
    case 91: // [
      return end === 93;
    case 34: // "
      return end === 34 && last > first;
    case 116: // true
    case 102: // false
      return end === 101;
    case 110: // null
      return end === 108;
    default:
      return (start === 45 || isDigit(start)) && isDigit(end);
  }
}

type Parsed = { ok: true; value: unknown } | { ok: false; value?: undefined };
const NOT_JSON: Parsed = { ok: false };

/** JSON.parse for telling kinds apart (the error is not needed). */
function tryParse(text: string): Parsed {
  if (!mayBeJson(text)) return NOT_JSON;
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return NOT_JSON;
  }
}

/** Is the line JSON on its own (the test that tells NDJSON from a document)? */
export function parsesAlone(text: string): boolean {
  return tryParse(text).ok;
}

function isContainer(value: unknown): boolean {
  return typeof value === "object" && value !== null;
}

/** An input with nothing in it (a file read in ranges is judged once its last range is in). */
export function emptyInputFinding(file: string): FileProblem {
  return { file, pointer: "", keyword: "empty", message: "no events: the input is empty" };
}

/** The line `listen` writes for a request starts so (model/capture.ts: `receivedAt` is its first key). */
const CAPTURE_RECORD_START = '{"receivedAt":';

export class FileChecker {
  private mode: Mode;
  /** In document mode: every line so far (line n at index n - 1). */
  private lines: string[] = [];
  /** In document mode: the lines already reported as not UTF-8 (made when the first one is). */
  private unreadable: Set<number> | undefined;
  private nonBlankLines = 0;
  /** Did a newline end the last line seen? */
  private lastTerminated = true;

  constructor(
    private readonly file: string,
    /** `.ndjson` / `.jsonl`, or a range of a file known to be NDJSON: one JSON value per line. */
    forceLines: boolean,
    private readonly sink: CheckSink,
    private readonly options: ValidateOptions,
  ) {
    this.mode = forceLines ? "lines" : "detect";
  }

  /** Lines that held something (for a file read in ranges: is the whole file empty?). */
  get nonBlank(): number {
    return this.nonBlankLines;
  }

  line(text: string, lineNumber: number, terminated = true, invalidUtf8?: Buffer): void {
    if (this.mode === "lines") {
      this.checkLine(text, lineNumber, terminated, invalidUtf8);
      return;
    }
    this.lines.push(text);
    this.lastTerminated = terminated;
    if (invalidUtf8 !== undefined) {
      this.notUtf8(invalidUtf8, lineNumber);
      (this.unreadable ??= new Set()).add(lineNumber);
      this.nonBlankLines++;
      if (this.mode === "detect") this.mode = "document";
      return;
    }
    if (this.mode === "document" && this.nonBlankLines > 1) return;
    if (isBlank(text)) return;
    this.nonBlankLines++;
    const parsed = tryParse(text);
    if (this.mode === "detect") {
      if (parsed.ok) {
        this.mode = "lines";
        this.lines = [];
        this.checkParsed(parsed.value, text, lineNumber);
      } else {
        this.mode = "document";
      }
    } else if (parsed.ok && isContainer(parsed.value)) {
      // The second line is JSON on its own: NDJSON with a broken first line.
      this.replayAsLines();
    }
  }

  /**
   * A whole input at once: the same findings as its lines one by one and then `end()`, from text that is
   * valid UTF-8 (the caller checked). A document, which most small files are, is parsed straight from the
   * text instead of being cut into lines and joined again.
   */
  text(whole: string): void {
    const text = whole.charCodeAt(0) === 0xfeff ? whole.slice(1) : whole;
    if (this.mode === "detect" && text.indexOf("\r") === -1 && this.isPlainDocument(text)) return;
    const length = text.length;
    let start = 0;
    let lineNumber = 0;
    while (start < length) {
      let end = text.indexOf("\n", start);
      const terminated = end !== -1;
      if (!terminated) end = length;
      let stop = end;
      if (stop > start && text.charCodeAt(stop - 1) === 13) stop--;
      this.line(text.slice(start, stop), ++lineNumber, terminated, undefined);
      start = end + 1;
    }
    this.end();
  }

  /**
   * The document path of `text`: when neither of the first two lines that hold something is JSON on its
   * own (which would make the input NDJSON) and the whole text parses, check it and say so. Otherwise
   * nothing was reported, and the text is read line by line.
   */
  private isPlainDocument(text: string): boolean {
    let start = 0;
    let seen = 0;
    while (seen < 2 && start < text.length) {
      let end = text.indexOf("\n", start);
      if (end === -1) end = text.length;
      const line = text.slice(start, end);
      start = end + 1;
      if (isBlank(line)) continue;
      seen++;
      const parsed = tryParse(line);
      // The first such line alone is NDJSON; the second, a container, is NDJSON with a broken first line.
      if (parsed.ok && (seen === 1 || isContainer(parsed.value))) return false;
    }
    if (seen === 0) return false;
    const documentText = text.endsWith("\n") ? text.slice(0, -1) : text;
    let value: unknown;
    try {
      value = JSON.parse(documentText);
    } catch {
      return false;
    }
    this.mode = "document";
    this.checkParsed(value, documentText, undefined);
    return true;
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
    const someLineStandsAlone = (): boolean => this.lines.some((line, index) => index > 0 && !this.unreadable?.has(index + 1) && isContainer(tryParse(line).value));
    if (this.unreadable !== undefined) {
      // Not UTF-8 (said already): the document cannot be read, though NDJSON can, line by line.
      if (someLineStandsAlone()) this.replayAsLines();
      return;
    }
    const text = this.lines.join("\n");
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      // One line that is not JSON reads the same as one line of NDJSON (which also tells a torn one);
      // several, some JSON on their own, are NDJSON to report line by line.
      if (this.nonBlankLines === 1 || someLineStandsAlone()) this.replayAsLines();
      else this.notJson(text, error, 0);
      return;
    }
    this.checkParsed(value, text, undefined);
  }

  private replayAsLines(): void {
    const lines = this.lines;
    this.lines = [];
    this.mode = "lines";
    this.nonBlankLines = 0;
    const last = lines.length - 1;
    lines.forEach((text, index) => {
      if (this.unreadable?.has(index + 1)) this.nonBlankLines++;
      else this.checkLine(text, index + 1, index < last || this.lastTerminated, undefined);
    });
  }

  private checkLine(text: string, lineNumber: number, terminated: boolean, invalidUtf8: Buffer | undefined): void {
    if (invalidUtf8 !== undefined) {
      this.nonBlankLines++;
      this.notUtf8(invalidUtf8, lineNumber);
      return;
    }
    if (text.length === 0) return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      if (isBlank(text)) return;
      this.nonBlankLines++;
      if (!terminated && jsonErrorOffset(text) === text.length) this.tornLine(text, error, lineNumber);
      else this.notJson(text, error, lineNumber - 1);
      return;
    }
    this.nonBlankLines++;
    this.checkParsed(value, text, lineNumber);
  }

  /** A whole value: a capture record's body, or events, then the integers JSON.parse changed. */
  private checkParsed(value: unknown, text: string, line: number | undefined): void {
    if (isCaptureRecord(value)) {
      const body = checkRecord(value, this.file, line, this.sink);
      if (body !== undefined) this.checkValue(body.value, body.text, line);
      return;
    }
    this.checkValue(value, text, line);
  }

  /** `text` starts at line `lineOffset + 1` of the input. */
  private notJson(text: string, error: unknown, lineOffset: number): void {
    const { line = 1, column, reason } = locateJsonError(text, error);
    this.sink.event(undefined, false);
    this.sink.finding({
      file: this.file,
      line: line + lineOffset,
      ...(column !== undefined ? { column } : {}),
      pointer: "",
      keyword: "json",
      message: `not valid JSON: ${reason}`,
    });
  }

  /**
   * The last line stops inside a JSON value, with no newline after it: its writer stopped mid-line. A
   * `listen` capture can end so (see `listen`'s capture writer), and that is expected, so it is said
   * as a warning; in any other log it is a line that is not JSON.
   */
  private tornLine(text: string, error: unknown, lineNumber: number): void {
    if (!text.startsWith(CAPTURE_RECORD_START)) {
      const { column, reason } = locateJsonError(text, error);
      this.sink.event(undefined, false);
      this.sink.finding({
        file: this.file,
        line: lineNumber,
        ...(column !== undefined ? { column } : {}),
        pointer: "",
        keyword: "json",
        message: `not valid JSON: ${reason} (the last line stops in the middle of a value, with no newline: was its writer stopped mid-line?)`,
      });
      return;
    }
    this.sink.finding({
      file: this.file,
      line: lineNumber,
      pointer: "",
      keyword: "torn",
      message:
        `the last record is cut off (${Buffer.byteLength(text)} bytes, no newline): listen was stopped while writing it, or is writing it now; ` +
        "that request was never answered, so its sender sends it again, and listen removes the partial line when it next opens the file; not checked",
      warning: true,
    });
  }

  private notUtf8(bytes: Buffer, line: number): void {
    const { offset, hex } = invalidUtf8Byte(bytes);
    this.sink.event(undefined, false);
    this.sink.finding({
      file: this.file,
      line,
      column: bytes.toString("utf8", 0, offset).length + 1,
      pointer: "",
      keyword: "encoding",
      message: `not valid UTF-8 (byte ${hex}): not read`,
    });
  }

  private emptyInput(): void {
    this.sink.finding(emptyInputFinding(this.file));
  }

  /** Events (one, or a batch), then a warning for each integer JSON.parse could not hold. */
  private checkValue(value: unknown, text: string, line: number | undefined): void {
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) this.checkEvent(value[index], line, index);
    } else if (isContainer(value)) {
      this.checkEvent(value, line, undefined);
    } else {
      this.sink.event(undefined, false);
      this.sink.finding({
        file: this.file,
        line,
        pointer: "",
        keyword: "type",
        message: `must be an event object or an array of events, found ${describeValue(value)}`,
      });
    }
    const inexact = inexactIntegers(text, value);
    for (let i = 0; i < inexact.length; i++) {
      const found = inexact[i]!;
      let index: number | undefined;
      let pointer = found.pointer;
      if (Array.isArray(value)) {
        const slash = pointer.indexOf("/", 1);
        index = Number(pointer.slice(1, slash === -1 ? undefined : slash));
        pointer = slash === -1 ? "" : pointer.slice(slash);
      }
      const event: unknown = index === undefined ? value : (value as unknown[])[index];
      const ownType = (event as { event_type?: unknown } | null)?.event_type;
      const eventType = this.options.eventType ?? (typeof ownType === "string" ? ownType : undefined);
      this.sink.finding({
        file: this.file,
        line,
        index,
        eventType,
        pointer,
        keyword: "inexactInteger",
        message: `integer ${found.literal} is beyond 2^53 and cannot be held exactly: JSON.parse reads it as ${found.parsed}`,
        warning: true,
      });
    }
  }

  private checkEvent(event: unknown, line: number | undefined, index: number | undefined): void {
    const problems = validateEvent(event, this.options);
    const eventType = this.options.eventType ?? (event as { event_type?: unknown } | null)?.event_type;
    this.sink.event(eventType, problems.length === 0);
    for (const problem of problems) {
      const found: FileProblem = {
        file: this.file,
        line,
        index,
        eventType: "eventType" in problem ? problem.eventType : undefined,
        pointer: problem.pointer,
        keyword: problem.keyword,
        message: problem.message,
      };
      this.sink.finding(found);
    }
  }
}
