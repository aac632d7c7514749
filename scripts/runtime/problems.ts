/**
 * What `validateEvent` / `validateBatch` report: a discriminated union on `kind`. Every problem has a
 * JSON `pointer` into the event, the `keyword` that failed (ajv's keyword for schema problems), and a
 * `message` for people saying what was expected and what was found.
 */

interface ProblemBase {
  /** JSON pointer (RFC 6901) of the offending value inside the event; "" is the event itself. */
  pointer: string;
  keyword: string;
  message: string;
}

/** The event breaks its type's schema. */
export interface SchemaProblem extends ProblemBase {
  kind: "schema";
  eventType: string;
  /**
   * Where the failing keyword is: its schema file and the JSON pointer in it, e.g.
   * `schemas/common/envelope.schema.json#/properties/account_id/type`.
   */
  schemaPath: string;
}

/** `event_type` names no type Altcraft is known to send. */
export interface UnknownEventTypeProblem extends ProblemBase {
  kind: "unknownEventType";
  eventType: string;
  pointer: "/event_type";
  keyword: "unknownEventType";
}

/** The event has no string `event_type`, so no schema can be chosen. */
export interface NoEventTypeProblem extends ProblemBase {
  kind: "noEventType";
  keyword: "required" | "type";
}

/** The value is not a JSON object, so it cannot be an event. */
export interface NotAnEventProblem extends ProblemBase {
  kind: "notAnEvent";
  pointer: "";
  keyword: "type";
}

export type EventProblem = SchemaProblem | UnknownEventTypeProblem | NoEventTypeProblem | NotAnEventProblem;

/** A batch is not a JSON array. */
export interface NotABatchProblem extends ProblemBase {
  kind: "notABatch";
  pointer: "";
  keyword: "type";
}

/** A problem of one element of a batch, with the element's index. */
export type BatchElementProblem = EventProblem & { index: number };

export type BatchProblem = BatchElementProblem | NotABatchProblem;

export interface ValidateOptions {
  /** Also report properties the schema does not declare (Altcraft adds fields, so off by default). */
  strict?: boolean;
  /**
   * Check against this event type's schema instead of the event's own `event_type`, as a trigger
   * for one type would receive it.
   */
  eventType?: string;
}
