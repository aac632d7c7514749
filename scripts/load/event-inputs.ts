/**
 * Events read from what `send` and `infer` are given: samples (one event object), batches (a JSON array
 * of events, Altcraft's body), NDJSON logs (an event or a batch per line) and `listen` capture files (a
 * record per line whose `body` holds the request). Directories are read recursively (`*.json`,
 * `*.ndjson`, `*.jsonl`, but not `*.schema.json` nor the `*.expect.json` of invalid samples).
 *
 * Each event keeps its exact text as read (`raw`), so a replay sends the bytes that were captured and
 * never a re-encoding of them (JSON.parse cannot hold 9007199254740993).
 *
 * Three kinds of outcome besides events: a path that cannot be read at all stops the run (exit 2);
 * `problems` are input that is malformed (a line that is not JSON, a value that is not an event, bytes
 * that are not UTF-8), each at its place, all collected so one run reports them all (`send` refuses
 * to replay such input, `infer` reports it and goes on); `skipped` are inputs that hold no events by
 * their nature (requests `listen` refused or could not keep, an empty body, the torn last line a killed
 * `listen` may leave, a FIFO inside a folder), listed so nothing disappears unsaid.
 */
import { isUtf8 } from "node:buffer";
import { statSync } from "node:fs";
import { CannotRunError, fsReason, type Place, type Problem } from "../errors.js";
import { isCaptureRecord, type CaptureRecord } from "../model/capture.js";
import { isJsonObject, looksLikeEvent, MAX_EVENT_DEPTH, nestedDeeperThan, notAnEventReason } from "./event-shape.js";
import { arrayElementSpans, valueSpan } from "./json-elements.js";
import { tryParseJson } from "./json.js";
import { NotRegularFileError, readRegularFile } from "./input-file.js";
import { walkFiles } from "./walk.js";

/** One event read from a file, with its exact text and where it came from (for messages). */
export interface SourcedEvent {
  event: Record<string, unknown>;
  /** The event's JSON text exactly as read (a replay posts this, never a re-encoding). */
  raw: string;
  place: Place;
}

/** Something in the input that holds no events by its nature, and why. */
export interface Skipped {
  place: Place;
  reason: string;
}

export interface EventInput {
  events: SourcedEvent[];
  skipped: Skipped[];
  /** Malformed input, each at its place (file, line, column or pointer). */
  problems: Problem[];
  /** The files read, in order (directories expanded). */
  files: string[];
}

/** What a reader may find at the end of a capture file, in words (README says the same). */
export const TORN_LINE_REASON =
  "torn last line (no newline at its end): the writer was stopped while writing it (a `listen` killed mid-record); " +
  "that request was never answered, so its sender sent it again, and the next `listen` on this file cuts the line off";

const EVENT_FILE = /\.(json|ndjson|jsonl)$/i;
const NOT_EVENTS = /\.(schema|expect)\.json$/i;
const NDJSON_FILE = /\.(ndjson|jsonl)$/i;

export async function readEventInputs(paths: readonly string[]): Promise<EventInput> {
  const input: EventInput = { events: [], skipped: [], problems: [], files: [] };
  for (const path of paths) {
    for (const file of expand(path, input)) {
      const bytes = readInput(file, input, file === path);
      if (bytes === undefined) continue;
      input.files.push(file);
      readEventBytes(bytes, file, input);
    }
  }
  return input;
}

/** The files a path stands for: itself when it is not a folder, the event files under it when it is. */
function expand(path: string, input: EventInput): string[] {
  let info;
  try {
    info = statSync(path);
  } catch (error) {
    throw new CannotRunError(`cannot read: ${fsReason(error)}`, { file: path });
  }
  if (!info.isDirectory()) return [path];
  const walked = walkFiles(path, {
    skipDotfiles: true,
    descend: (name) => name !== "node_modules",
    include: (name) => EVENT_FILE.test(name) && !NOT_EVENTS.test(name),
  });
  for (const skipped of walked.skipped) input.skipped.push({ place: { file: skipped.path }, reason: skipped.reason });
  return walked.files;
}

/**
 * A regular file's bytes (opened without blocking, so a FIFO or a device, named or swapped in after the
 * folder was listed, never hangs the read): refused at once when given explicitly, noted when found in a
 * folder.
 */
function readInput(file: string, input: EventInput, explicit: boolean): Buffer | undefined {
  try {
    return readRegularFile(file);
  } catch (error) {
    if (!(error instanceof NotRegularFileError) || explicit) throw error;
    input.skipped.push({ place: { file }, reason: `${error.kind}, not read` });
    return undefined;
  }
}

const utf8 = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });

/** Add the events of one file's bytes to `input`. */
export function readEventBytes(bytes: Buffer, file: string, input: EventInput): void {
  if (NDJSON_FILE.test(file)) return readNdjsonBytes(bytes, file, input);
  if (!isUtf8(bytes)) {
    input.problems.push({ place: { file, line: firstNonUtf8Line(bytes) }, message: "not UTF-8 text (a replay could not send these bytes as they are)" });
    return;
  }
  readEventText(utf8.decode(bytes), file, input);
}

/** The 1-based line holding the first byte sequence that is not UTF-8. */
function firstNonUtf8Line(bytes: Buffer): number {
  let start = 0;
  for (let line = 1; ; line++) {
    const newline = bytes.indexOf(10, start);
    const end = newline === -1 ? bytes.length : newline;
    if (!isUtf8(bytes.subarray(start, end)) || newline === -1) return line;
    start = end + 1;
  }
}

/** Add the events of one file's text to `input` (a `.json` file: one document, or NDJSON after all). */
export function readEventText(text: string, file: string, input: EventInput): void {
  if (NDJSON_FILE.test(file)) return readNdjsonBytes(Buffer.from(text, "utf8"), file, input);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const whole = tryParseJson(body);
  if (whole.ok) return addValue(whole.value, body, { file }, input);
  // Not one JSON document: NDJSON when its first line stands alone, otherwise the syntax error.
  const firstLine = body.split("\n").find((line) => line.trim() !== "") ?? "";
  if (firstLine.trim() !== "" && firstLine.trim() !== body.trim() && tryParseJson(firstLine, true).ok) {
    return readNdjsonBytes(Buffer.from(body, "utf8"), file, input);
  }
  if (body.trim() === "") {
    input.problems.push({ place: { file }, message: "empty file: expected an event, a batch of events, NDJSON lines or a capture" });
    return;
  }
  const { line, column, reason } = whole.error;
  input.problems.push({ place: { file, ...(line !== undefined ? { line, column } : {}) }, message: `not valid JSON: ${reason}` });
}

/** NDJSON: an event, a batch or a capture record per line; each line is decoded and parsed on its own. */
function readNdjsonBytes(bytes: Buffer, file: string, input: EventInput): void {
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let lineNumber = 0;
  let sawLine = false;
  while (start < bytes.length) {
    lineNumber++;
    const newline = bytes.indexOf(10, start);
    const end = newline === -1 ? bytes.length : newline;
    const lineBytes = bytes.subarray(start, end > start && bytes[end - 1] === 13 ? end - 1 : end);
    start = end + 1;
    const place: Place = { file, line: lineNumber };
    if (!isUtf8(lineBytes)) {
      // A last line cut inside a character is torn like any other cut.
      if (newline === -1) input.skipped.push({ place, reason: TORN_LINE_REASON });
      else input.problems.push({ place, message: "not UTF-8 text (a replay could not send these bytes as they are)" });
      continue;
    }
    const line = utf8.decode(lineBytes);
    if (line.trim() === "") continue;
    sawLine = true;
    const parsed = tryParseJson(line);
    if (!parsed.ok) {
      if (newline === -1) {
        input.skipped.push({ place, reason: TORN_LINE_REASON });
        continue;
      }
      const { column, reason } = parsed.error;
      input.problems.push({ place: { ...place, ...(column !== undefined ? { column } : {}) }, message: `not valid JSON: ${reason}` });
      continue;
    }
    addValue(parsed.value, line, place, input);
  }
  if (!sawLine && input.problems.every((problem) => problem.place.file !== file)) {
    input.skipped.push({ place: { file }, reason: "empty file (no lines)" });
  }
}

const TOO_DEEP = `nested more than ${MAX_EVENT_DEPTH} levels deep (an Altcraft event has a few); not read`;

/** Add one event, unless it nests too deep for anything to walk it. */
function addEvent(event: Record<string, unknown>, raw: string, place: Place, input: EventInput): void {
  if (nestedDeeperThan(event, MAX_EVENT_DEPTH)) input.problems.push({ place, message: TOO_DEEP });
  else input.events.push({ event, raw, place });
}

/** A parsed value with the text it was parsed from. */
function addValue(value: unknown, text: string, place: Place, input: EventInput): void {
  if (isCaptureRecord(value)) return addRecord(value, place, input);
  if (Array.isArray(value)) return addBatch(value, text, place, input, (at, reason) => input.problems.push({ place: at, message: reason }));
  if (looksLikeEvent(value)) {
    const span = valueSpan(text);
    addEvent(value, text.slice(span.start, span.end), place, input);
    return;
  }
  input.problems.push({ place, message: `${notAnEventReason(value)}; expected an event, a batch of events or a capture record${formatHint(value)}` });
}

/** A word on what a value that is no event may be instead. */
function formatHint(value: unknown): string {
  if (isJsonObject(value) && isJsonObject(value.log) && Array.isArray((value.log as Record<string, unknown>).entries)) {
    return " (this is a HAR file: export the request bodies, or capture the hooks with `listen`)";
  }
  return "";
}

function addBatch(batch: unknown[], text: string, place: Place, input: EventInput, refuse: (place: Place, reason: string) => void): void {
  const spans = arrayElementSpans(text)!;
  batch.forEach((item, index) => {
    const at: Place = { ...place, pointer: `/${index}` };
    const span = spans[index]!;
    if (looksLikeEvent(item)) addEvent(item, text.slice(span.start, span.end), at, input);
    else refuse(at, `${notAnEventReason(item)}; a batch holds event objects`);
  });
}

function addRecord(record: CaptureRecord, place: Place, input: EventInput): void {
  const skip = (reason: string): void => {
    input.skipped.push({ place, reason: `${record.method} ${record.path}: ${reason}` });
  };
  if (record.refused !== undefined) return skip(`refused by listen (${record.refused}); its body was not kept`);
  if (record.truncated) return skip("body was cut off (over the size limit, or the sender went away)");
  if (record.bodyBase64 !== undefined) return skip("body is not UTF-8 text");
  const body = record.body.charCodeAt(0) === 0xfeff ? record.body.slice(1) : record.body;
  if (body.trim() === "") return skip("empty body");
  const parsed = tryParseJson(body, true);
  if (!parsed.ok) return skip("body is not JSON");
  // Places of a record's events: its line, and the event's index in the body's array as the pointer.
  if (Array.isArray(parsed.value)) return addBatch(parsed.value, body, place, input, (at, reason) => input.skipped.push({ place: at, reason }));
  if (looksLikeEvent(parsed.value)) {
    const span = valueSpan(body);
    addEvent(parsed.value, body.slice(span.start, span.end), place, input);
    return;
  }
  skip(`body is ${notAnEventReason(parsed.value)}`);
}
