/**
 * `connector/field-codes.lock.json`: field → frozen Albato field code (derive/field-codes.ts says why codes
 * are frozen). Read with every problem reported at its line: malformed JSON, a wrong shape, an invalid
 * code or key, a key listed twice, two fields of one scope sharing a code.
 *
 * Two kinds of key share the file:
 * - a trigger field's schema path (`event_data.link_url`, `subscription[].channel`): one code for that path
 *   in every trigger, so all trigger fields are one scope;
 * - an action field, `action:<action code>/<field id>` (`action:profileImport/email`): `:` and `/` never occur
 *   in a schema path, so these keys cannot meet the others; each action is a scope of its own (Albato
 *   identifies action fields within their action, and the same field has the same code in every action).
 */
import type { Problem } from "../errors.js";
import { lineColumnAt, tryParseJson } from "./json.js";

export const LOCK_FILE = "connector/field-codes.lock.json";
/** Latin letters and digits, starting with a letter: what Albato accepts as a field code. */
export const FIELD_CODE_PATTERN = /^[A-Za-z][A-Za-z0-9]*$/;

const ACTION_PREFIX = "action:";
const ACTION_KEY = /^action:([A-Za-z][A-Za-z0-9]*)\/([A-Za-z][A-Za-z0-9]*)$/;

/** The lock key of an action's field. */
export function actionFieldKey(action: string, fieldId: string): string {
  return `${ACTION_PREFIX}${action}/${fieldId}`;
}

/** The action and field id of an action field's key; undefined for a trigger field's schema path. */
export function parseActionFieldKey(key: string): { action: string; field: string } | undefined {
  const match = ACTION_KEY.exec(key);
  return match ? { action: match[1]!, field: match[2]! } : undefined;
}

/** Codes are unique within a scope: all trigger fields together, or the fields of one action. */
export function lockScope(key: string): string {
  const action = parseActionFieldKey(key);
  return action ? `${ACTION_PREFIX}${action.action}` : "triggers";
}

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
    if (path.startsWith(ACTION_PREFIX) && !ACTION_KEY.test(path)) {
      problems.push({
        place: { file, line },
        message: `"${path}" is not an action field key (expected action:<action code>/<field id>, e.g. action:profileImport/email)`,
      });
      continue;
    }
    if (typeof code !== "string" || !FIELD_CODE_PATTERN.test(code)) {
      problems.push({
        place: { file, line },
        message: `"${path}": ${JSON.stringify(code)} is not a valid Albato field code (Latin letters and digits, starting with a letter); ${RESOLVE_HINT}`,
      });
      continue;
    }
    const scoped = `${lockScope(path)} ${code}`;
    const other = pathOfCode.get(scoped);
    if (other !== undefined) {
      problems.push({
        place: { file, line },
        message: `code "${code}" of "${path}" is already the code of "${other}" (line ${lock.lines.get(other)}); ${parseActionFieldKey(path) ? "two fields of one action" : "two paths"} cannot share a code: give one of them another code — ${RESOLVE_HINT}`,
      });
      continue;
    }
    pathOfCode.set(scoped, path);
    lock.codes.set(path, code);
  }
  return { lock, problems };
}

