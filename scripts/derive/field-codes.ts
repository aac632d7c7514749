/**
 * Frozen Albato field codes. Published field codes cannot be edited in Albato and automations depend on
 * them, so `connector/field-codes.lock.json` records each field's code: a trigger field's schema path →
 * code, shared by every trigger, and an action field's `action:<action>/<field id>` → code (load/lock.ts
 * describes the keys). A build never changes a recorded code; it only adds codes for new keys, unique in
 * their scope (all trigger fields; one action's fields).
 */
import { lockScope, parseActionFieldKey, type FieldCodeLock } from "../load/lock.js";

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

/** The code a new key starts from: its schema path's words, or an action field's id. */
function baseCodeForKey(key: string): string {
  return baseCodeForPath(parseActionFieldKey(key)?.field ?? key);
}

/** Codes for every key (in first-seen order): recorded ones kept, new ones derived and made unique in their scope. */
export function updateLock(lock: FieldCodeLock, paths: Iterable<string>): LockUpdate {
  const codes = new Map(lock.codes);
  const taken = new Set([...codes].map(([path, code]) => `${lockScope(path)} ${code}`));
  const added: LockUpdate["added"] = [];
  const current = new Set<string>();
  for (const path of paths) {
    current.add(path);
    if (codes.has(path)) continue;
    const base = baseCodeForKey(path);
    const scope = lockScope(path);
    let code = base;
    for (let suffix = 2; taken.has(`${scope} ${code}`); suffix++) code = `${base}${suffix}`;
    taken.add(`${scope} ${code}`);
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
