/**
 * Frozen Albato field codes. Published field codes cannot be edited in Albato and automations depend on
 * them, so `connector/field-codes.lock.json` records schema path → code, shared by every trigger. A build
 * never changes a recorded code; it only adds codes for new paths.
 */
import type { Problem } from "../errors.js";
import { describeJsonError, lineColumnAt } from "../load/json-file.js";

export const LOCK_FILE = "connector/field-codes.lock.json";
export const FIELD_CODE_PATTERN = /^[A-Za-z][A-Za-z0-9]*$/;

export interface FieldCodeLock {
  file: string;
  /** Schema path → code, as recorded. */
  codes: Map<string, string>;
  /** Line of each path's entry, for messages. */
  lines: Map<string, number>;
  /** The file's text as read (undefined when there is no lock yet). */
  text: string | undefined;
}

export interface LockUpdate {
  /** Every recorded code plus the new ones. */
  codes: Map<string, string>;
  added: Array<{ path: string; code: string }>;
  /** Recorded paths that no current schema has (kept, so `diff` can report the removal). */
  stale: string[];
}

/** camelCase of the path's words, Latin letters and digits only: `event_data.link_url` → `eventDataLinkUrl`. */
export function baseCodeForPath(path: string): string {
  const words = path.split(/[^A-Za-z0-9]+/).filter((word) => word !== "");
  let code = words
    .map((word, index) => (index === 0 ? word.charAt(0).toLowerCase() : word.charAt(0).toUpperCase()) + word.slice(1))
    .join("");
  if (code === "") code = "field";
  // A code must start with a letter.
  if (!/^[A-Za-z]/.test(code)) code = `f${code}`;
  return code;
}

/** Every key of a flat JSON object with its line, in file order (JSON.parse would hide duplicates). */
function keyLines(text: string): Array<{ key: string; line: number }> {
  const found: Array<{ key: string; line: number }> = [];
  const keyPattern = /"((?:[^"\\]|\\.)*)"\s*:/g;
  for (let match = keyPattern.exec(text); match; match = keyPattern.exec(text)) {
    found.push({ key: JSON.parse(`"${match[1]}"`) as string, line: lineColumnAt(text, match.index).line });
  }
  return found;
}

const RESOLVE_HINT =
  "edit it by hand only if that code was never published on Albato (published codes cannot change), or delete the entry to get a fresh code";

/** Read the lock's text; every problem (malformed JSON, wrong shape, invalid or shared codes) is reported. */
export function parseLock(text: string | undefined, file = LOCK_FILE): { lock: FieldCodeLock; problems: Problem[] } {
  const lock: FieldCodeLock = { file, codes: new Map(), lines: new Map(), text };
  const problems: Problem[] = [];
  if (text === undefined) return { lock, problems };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const offset = Number(/position (\d+)/.exec(message)?.[1] ?? text.length);
    problems.push({ place: { file, ...lineColumnAt(text, offset) }, message: `not valid JSON: ${describeJsonError(message)}` });
    return { lock, problems };
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    problems.push({ place: { file, line: 1 }, message: 'must be a JSON object of schema path → field code, e.g. { "event_data.link_url": "eventDataLinkUrl" }' });
    return { lock, problems };
  }
  const seenKeys = new Map<string, number>();
  for (const { key, line } of keyLines(text)) {
    const first = seenKeys.get(key);
    if (first !== undefined) {
      problems.push({ place: { file, line }, message: `"${key}" is listed twice (also line ${first}); keep one entry` });
    } else {
      seenKeys.set(key, line);
      lock.lines.set(key, line);
    }
  }
  const pathOfCode = new Map<string, string>();
  for (const [path, code] of Object.entries(json as Record<string, unknown>)) {
    const line = lock.lines.get(path);
    if (typeof code !== "string" || !FIELD_CODE_PATTERN.test(code)) {
      problems.push({
        place: { file, line },
        message: `"${path}": ${JSON.stringify(code)} is not a valid Albato field code (Latin letters and digits, starting with a letter); ${RESOLVE_HINT}`,
      });
      continue;
    }
    const other = pathOfCode.get(code);
    if (other !== undefined) {
      problems.push({
        place: { file, line },
        message: `code "${code}" of "${path}" is already the code of "${other}" (line ${lock.lines.get(other)}); two paths cannot share a code: give one of them another code — ${RESOLVE_HINT}`,
      });
      continue;
    }
    pathOfCode.set(code, path);
    lock.codes.set(path, code);
  }
  return { lock, problems };
}

/** Codes for every path (in first-seen order): recorded ones kept, new ones derived and made unique. */
export function updateLock(lock: FieldCodeLock, paths: Iterable<string>): LockUpdate {
  const codes = new Map(lock.codes);
  const taken = new Set(codes.values());
  const added: LockUpdate["added"] = [];
  const current = new Set<string>();
  for (const path of paths) {
    current.add(path);
    if (codes.has(path)) continue;
    const base = baseCodeForPath(path);
    let code = base;
    for (let suffix = 2; taken.has(code); suffix++) code = `${base}${suffix}`;
    taken.add(code);
    codes.set(path, code);
    added.push({ path, code });
  }
  const stale = [...lock.codes.keys()].filter((path) => !current.has(path)).sort();
  return { codes, added, stale };
}

/** The lock file's text: sorted keys, 2-space JSON, trailing newline. */
export function renderLock(codes: ReadonlyMap<string, string>): string {
  const sorted = Object.fromEntries([...codes.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify(sorted, null, 2)}\n`;
}
