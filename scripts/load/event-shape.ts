/**
 * What counts as an Altcraft event before any schema is asked: a JSON object carrying at least one key of
 * the envelope every event has (`schemas/common/envelope.schema.json`, its `required`). An event missing
 * some of them is an event with problems (the validator says which); an object with none of them
 * (`{"a":1}`, a HAR file's `{"log":…}`) is not an event at all, and is refused as such.
 */

/** The envelope's required keys (test/event-shape.test.ts keeps this list equal to the schema's). */
export const ENVELOPE_KEYS = ["event_type", "event_date", "account_id", "is_test", "event_data"] as const;

export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Is `value` an object with at least one envelope key? */
export function looksLikeEvent(value: unknown): value is Record<string, unknown> {
  if (!isJsonObject(value)) return false;
  for (const key of ENVELOPE_KEYS) if (Object.hasOwn(value, key)) return true;
  return false;
}

/** Why `value` is not an event, for a one-line message. */
export function notAnEventReason(value: unknown): string {
  if (value === null) return "null, not an event object";
  if (Array.isArray(value)) return "an array, not an event object";
  if (!isJsonObject(value)) return `a ${typeof value}, not an event object`;
  return `an object without any key of an event (${ENVELOPE_KEYS.join(", ")})`;
}

/**
 * How deep events may nest: an Altcraft event is a few levels deep, and whatever walks an event's values
 * recursively (infer's shapes) must not meet a hundred thousand levels of `[[[…]]]` from a hostile file.
 */
export const MAX_EVENT_DEPTH = 64;

/** Is `value` nested deeper than `limit` levels of objects and arrays? (Walked without recursion.) */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== "object" || node === null) continue;
    if (depth > limit) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (typeof child === "object" && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}
