import { join } from "node:path";
import { jsonProblem, printJson } from "../write/console.js";
import { terminalSafe } from "../write/terminal-text.js";
import { CannotRunError, formatPlace, formatProblem } from "../errors.js";
import { eventTypeInfo } from "../event-types.js";
import { readEventInputs } from "../load/event-inputs.js";
import { MISSING_TYPE } from "../listen/body.js";
import { checkProjectRoot } from "../load/project-files.js";
import { loadSchemas } from "../load/schemas.js";
import { writeFileAtomic } from "../write/atomic.js";
import { analyse, type InferResult } from "./analyse.js";
import { packageRoot } from "../package-root.js";
import { formatInferReport } from "./report.js";

export interface InferOptions {
  eventType?: string;
  /** With `eventType`: the registry type whose schema its events are compared with. */
  schema?: string;
  /** `true` for the flag alone: the default directory. */
  write?: string | true;
  json?: boolean;
  /** The project whose `schemas/` to compare with (default: this package). */
  root?: string;
}

export const DEFAULT_DRAFT_DIR = join("captures", "drafts");

/** A file name for a type's draft; unknown types come from the network, so nothing path-like gets through. */
export function draftFileName(eventType: string): string | undefined {
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(eventType)) return undefined;
  return `${eventType}.draft.schema.json`;
}

/** 0 when what was seen fits the schemas; 1 for conflicts or when `--event-type` was never seen. */
export async function runInfer(paths: readonly string[], options: InferOptions, out: (line: string) => void): Promise<number> {
  if (paths.length === 0) throw new CannotRunError("name at least one capture, log or batch file (or a directory of them)");
  if (options.schema !== undefined) {
    if (options.eventType === undefined) throw new CannotRunError("--schema needs --event-type (whose events to compare with it)");
    if (eventTypeInfo(options.schema) === undefined) {
      throw new CannotRunError(`--schema "${options.schema}" is not an event type of scripts/event-types.ts`);
    }
  }
  if (options.root !== undefined) checkProjectRoot(options.root, options.root);
  const input = await readEventInputs(paths);
  if (input.events.length === 0) throw noEvents(input);
  const { events: schemas } = await loadSchemas(options.root ?? packageRoot());
  const result = analyse(input, schemas, options.eventType, options.schema);

  const written: string[] = [];
  if (options.write !== undefined) {
    const dir = options.write === true ? DEFAULT_DRAFT_DIR : options.write;
    for (const type of result.types) {
      const name = draftFileName(type.eventType);
      if (name === undefined) continue;
      const file = join(dir, name);
      await writeFileAtomic(file, `${JSON.stringify(type.draft, null, 2)}\n`);
      written.push(file);
    }
  }

  const missing = options.eventType !== undefined && result.events === 0;
  if (options.json) {
    printJson(toJson(result, written));
  } else {
    // Event types, keys and values come from captured requests: escaped before they reach the terminal.
    for (const line of formatInferReport(result, written)) out(terminalSafe(line));
    if (missing) out(terminalSafe(`No "${options.eventType}" events in ${result.files.join(", ")}.`));
    const unnamed = result.types.filter((type) => draftFileName(type.eventType) === undefined);
    for (const type of unnamed) {
      if (options.write !== undefined) out(terminalSafe(`No draft file for ${type.eventType === MISSING_TYPE ? "events without an event_type" : JSON.stringify(type.eventType)} (not a usable file name).`));
    }
  }
  return result.conflicts > 0 || missing || result.problems.length > 0 ? 1 : 0;
}

/**
 * Nothing to infer from (an empty capture, a file in another format such as a HAR, only refused
 * requests): exit 2, with what was found instead, so no report is drawn from nothing.
 */
function noEvents(input: Awaited<ReturnType<typeof readEventInputs>>): CannotRunError {
  const where = input.files.length === 0 ? "the given paths" : input.files.join(", ");
  const found = [
    ...input.problems.slice(0, 3).map(formatProblem),
    ...input.skipped.slice(0, 3).map((skip) => `${formatPlace(skip.place)}: ${skip.reason}`),
  ];
  const more = input.problems.length + input.skipped.length - found.length;
  const detail = found.length === 0 ? "" : `; found instead: ${found.join("; ")}${more > 0 ? `; and ${more} more` : ""}`;
  return new CannotRunError(
    `no events to infer from in ${where}${detail} (expected listen captures, NDJSON logs, batches or samples)`,
  );
}

function toJson(result: InferResult, written: readonly string[]): unknown {
  return {
    files: result.files,
    events: result.events,
    conflicts: result.conflicts,
    skipped: result.skipped.map((skip) => ({ place: formatPlace(skip.place), reason: skip.reason })),
    problems: result.problems.map(jsonProblem),
    types: result.types,
    written,
  };
}
