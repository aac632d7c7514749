import { statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { CannotRunError, fsReason, type Place } from "../errors.js";
import { isCaptureRecord, type CaptureRecord } from "../model/capture.js";
import { parseJson, tryParseJson } from "./json.js";
import { kindOf, walkFiles } from "./walk.js";

/** One event read from a file, with where it came from (for messages). */
export interface SourcedEvent {
  event: Record<string, unknown>;
  place: Place;
}

/** Something in the input that holds no events to use, and why (captures keep refused requests too). */
export interface Skipped {
  place: Place;
  reason: string;
}

export interface EventInput {
  events: SourcedEvent[];
  skipped: Skipped[];
  /** The files read, in order (directories expanded). */
  files: string[];
}

/**
 * Read events from what `send` and `infer` are given: samples (one event object), batches (a JSON array
 * of events, Altcraft's body), NDJSON logs (an event or a batch per line) and `listen` capture files (a
 * record per line whose `body` holds the request). Directories are read recursively (`*.json`,
 * `*.ndjson`, `*.jsonl`, but not `*.schema.json` nor the `*.expect.json` of invalid samples).
 * Unreadable or malformed files stop the run (exit 2); captured requests without events are skipped
 * and listed, because a capture keeps what `listen` refused.
 */
export async function readEventInputs(paths: readonly string[]): Promise<EventInput> {
  const input: EventInput = { events: [], skipped: [], files: [] };
  for (const path of paths) {
    for (const file of expand(path, input)) {
      input.files.push(file);
      let text: string;
      try {
        text = await readFile(file, "utf8");
      } catch (error) {
        throw new CannotRunError(`cannot read: ${fsReason(error)}`, { file });
      }
      readEventText(text, file, input);
    }
  }
  return input;
}

const EVENT_FILE = /\.(json|ndjson|jsonl)$/i;
const NOT_EVENTS = /\.(schema|expect)\.json$/i;

/** The files a path stands for: itself when it is a regular file, the event files under it when a folder. */
function expand(path: string, input: EventInput): string[] {
  let info;
  try {
    info = statSync(path);
  } catch (error) {
    throw new CannotRunError(`cannot read: ${fsReason(error)}`, { file: path });
  }
  if (info.isDirectory()) {
    const walked = walkFiles(path, {
      skipDotfiles: true,
      descend: (name) => name !== "node_modules",
      include: (name) => EVENT_FILE.test(name) && !NOT_EVENTS.test(name),
    });
    for (const skipped of walked.skipped) input.skipped.push({ place: { file: skipped.path }, reason: skipped.reason });
    return walked.files;
  }
  if (!info.isFile()) throw new CannotRunError(`cannot read: ${kindOf(info)} (give a file, a folder or "-")`, { file: path });
  return [path];
}

/** Add the events of one file's text to `input`. Exported for tests. */
export function readEventText(text: string, file: string, input: EventInput): void {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!/\.(ndjson|jsonl)$/i.test(file)) {
    let whole: unknown;
    let parsed = true;
    try {
      whole = JSON.parse(body);
    } catch {
      parsed = false;
    }
    if (parsed) return addValue(whole, { file }, input);
    // Not one JSON document: NDJSON when its first line stands alone, otherwise report the syntax error.
    const firstLine = body.split("\n").find((line) => line.trim() !== "") ?? "";
    if (!parsesAlone(firstLine) || firstLine.trim() === body.trim()) parseJson(body, file);
  }
  readNdjson(body, file, input);
}

function parsesAlone(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}

function readNdjson(text: string, file: string, input: EventInput): void {
  const lines = text.split("\n");
  lines.forEach((raw, index) => {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (line.trim() === "") return;
    const place: Place = { file, line: index + 1 };
    const parsed = tryParseJson(line);
    if (!parsed.ok) {
      if (index === lines.length - 1) {
        // The last line without a newline: a capture whose writer was killed mid-write. Never answered, so
        // the sender retried it; nothing to use here.
        input.skipped.push({ place, reason: "torn last line (the writer stopped mid-line)" });
        return;
      }
      throw new CannotRunError(`not valid JSON: ${parsed.error.reason}`, { ...place, column: parsed.error.column });
    }
    addValue(parsed.value, place, input);
  });
}

function addValue(value: unknown, place: Place, input: EventInput): void {
  if (isCaptureRecord(value)) return addRecord(value, place, input);
  if (Array.isArray(value)) return addBatch(value, place, input);
  if (isObject(value)) {
    input.events.push({ event: value, place });
    return;
  }
  throw new CannotRunError(
    `expected an event object, an array of events or a capture record, found ${value === null ? "null" : typeof value}`,
    place,
  );
}

function addBatch(batch: unknown[], place: Place, input: EventInput): void {
  batch.forEach((item, index) => {
    const at: Place = { ...place, pointer: `/${index}` };
    if (isObject(item)) input.events.push({ event: item, place: at });
    else input.skipped.push({ place: at, reason: "not an event object" });
  });
}

function addRecord(record: CaptureRecord, place: Place, input: EventInput): void {
  const skip = (reason: string): void => {
    input.skipped.push({ place, reason: `${record.method} ${record.path}: ${reason}` });
  };
  if (record.truncated) return skip("body was cut off (over the size limit, or the sender went away)");
  if (record.bodyBase64 !== undefined) return skip("body is not UTF-8 text");
  const body = record.body.charCodeAt(0) === 0xfeff ? record.body.slice(1) : record.body;
  if (body.trim() === "") return skip("empty body");
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return skip("body is not JSON");
  }
  // Places of a record's events: its line, and the event's index in the body's array as the pointer.
  if (Array.isArray(value)) return addBatch(value, place, input);
  if (isObject(value)) {
    input.events.push({ event: value, place });
    return;
  }
  skip("body is not an event or an array of events");
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
