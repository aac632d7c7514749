/**
 * `connector/field-codes.lock.json`: schema path → frozen Albato field code (derive/field-codes.ts says
 * why codes are frozen). Read with every problem reported at its line: malformed JSON, a wrong shape, an
 * invalid code, a path listed twice, two paths sharing a code.
 */
import type { Problem } from "../errors.js";
import { lineColumnAt, tryParseJson } from "./json.js";

export const LOCK_FILE = "connector/field-codes.lock.json";
/** Latin letters and digits, starting with a letter: what Albato accepts as a field code. */
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
  const parsed = tryParseJson(text);
  if (!parsed.ok) {
    const { line, column, reason } = parsed.error;
    problems.push({ place: { file, line, column }, message: `not valid JSON: ${reason}` });
    return { lock, problems };
  }
  const json = parsed.value;
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

