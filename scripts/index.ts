/**
 * The `altcraft-albato` package: the types of every Altcraft action-hook event, their registry, and
 * validators compiled ahead of time.
 *
 *   import type { AltcraftHookBatch } from "altcraft-albato";
 *   import { validateBatch } from "altcraft-albato";
 */
// `export *` rather than `export type *`: consumers on TypeScript before 5.0 can read it too (the module is types only).
export * from "./generated/events.js";
export { EVENT_TYPES, eventTypeInfo, provisionalEventTypes } from "./event-types.js";
export type { Channel, EventFamily, EventTypeInfo } from "./event-types.js";
export { isAltcraftEvent, validateBatch, validateEvent } from "./runtime/validate.js";
export type {
  BatchElementProblem,
  BatchProblem,
  EventProblem,
  NoEventTypeProblem,
  NotABatchProblem,
  NotAnEventProblem,
  SchemaProblem,
  UnknownEventTypeProblem,
  ValidateOptions,
} from "./runtime/problems.js";
