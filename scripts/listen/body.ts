import { looksLikeEvent, notAnEventReason } from "../load/event-shape.js";
import { tryParseJson } from "../load/json.js";

/** What a request body holds: the events, or the one-line reason it is not a batch of events. */
export type BodyVerdict = { ok: true; events: unknown[] } | { ok: false; reason: string };

/**
 * Parse a body once and check its shape: Altcraft posts a JSON array of event objects; one event object
 * is accepted too. Something that is no event at all (`{"a":1}`: none of an event's keys) is refused;
 * schema problems inside an event are not decided here (the validator reports them).
 */
export function readBatchBody(text: string): BodyVerdict {
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (json.trim() === "") return { ok: false, reason: "empty body: expected a JSON array of events" };
  // Cheap: a sender's broken body is located only where V8 names the position.
  const result = tryParseJson(json, true);
  if (!result.ok) {
    const { line, column, reason } = result.error;
    return { ok: false, reason: `not JSON: ${reason}${line === undefined ? "" : ` (line ${line}, column ${column})`}` };
  }
  const parsed = result.value;
  const events = Array.isArray(parsed) ? parsed : [parsed];
  for (let index = 0; index < events.length; index++) {
    const event = events[index];
    if (!looksLikeEvent(event)) {
      const where = Array.isArray(parsed) ? `item ${index}` : "the body";
      return { ok: false, reason: `not events: ${where} is ${notAnEventReason(event)}; expected an array of event objects` };
    }
  }
  return { ok: true, events };
}

/** The `event_type` of an event as a label for counts; events without one are grouped together. */
export function eventTypeLabel(event: unknown): string {
  const type = (event as { event_type?: unknown } | null)?.event_type;
  return typeof type === "string" && type !== "" ? type : MISSING_TYPE;
}

export const MISSING_TYPE = "(no event_type)";
