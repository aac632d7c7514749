import { unsafeIntegers } from "../load/json.js";
import { pointerAt } from "./pointer-at.js";
import { eventTypeLabel, readBatchBody } from "./body.js";
import type { EventProblem, EventValidator } from "./validator.js";

/** What the checks of one request body found: a reason to refuse it (400), or its events' counts and problems. */
export type BodyVerdict =
  | { ok: false; reason: string }
  | {
      ok: true;
      /** Events per `event_type`, in the order first seen. */
      counts: ReadonlyMap<string, number>;
      problems: number;
      /** The first problem, as `type pointer: message`. */
      firstProblem?: string;
      /** Integer literals beyond 2^53 (JSON.parse cannot hold them exactly): how many, and the first with its pointer. */
      unsafeIntegers?: { count: number; first: string };
    };

const decoder = new TextDecoder("utf-8", { ignoreBOM: true });

/**
 * Parse a UTF-8 body once, check its shape, validate every event. (Tried in a worker thread: on two cores
 * the messages cost more than the thread saved, so it runs inline.)
 */
export function checkBody(body: Uint8Array, validate: EventValidator): BodyVerdict {
  const text = decoder.decode(body);
  const parsed = readBatchBody(text);
  if (!parsed.ok) return parsed;
  const counts = new Map<string, number>();
  let problems = 0;
  let firstProblem: string | undefined;
  for (const event of parsed.events) {
    const type = eventTypeLabel(event);
    counts.set(type, (counts.get(type) ?? 0) + 1);
    const found = validateSafely(validate, event);
    if (found.length > 0) {
      problems += found.length;
      const first = found[0]!;
      firstProblem ??= `${type} ${first.pointer === "" ? "(root)" : first.pointer}: ${first.message}`;
    }
  }
  const large = unsafeIntegers(text);
  const first = large[0];
  return {
    ok: true,
    counts,
    problems,
    ...(firstProblem !== undefined ? { firstProblem } : {}),
    ...(first !== undefined ? { unsafeIntegers: { count: large.length, first: describeUnsafe(text, first.offset, first.literal) } } : {}),
  };
}

/** `/0/account_id 9007199254740993`, the literal cut short when it is very long. */
function describeUnsafe(text: string, offset: number, literal: string): string {
  const shown = literal.length > 40 ? `${literal.slice(0, 39)}…` : literal;
  return `${pointerAt(text, offset) || "(root)"} ${shown}`;
}

/** A validator that throws is a bug, but the request is captured already: report it as a problem, keep serving. */
function validateSafely(validate: EventValidator, event: unknown): readonly EventProblem[] {
  try {
    return validate(event);
  } catch (error) {
    return [{ kind: "validatorFailed", pointer: "", message: `the validator failed: ${(error as Error).message}` }];
  }
}
