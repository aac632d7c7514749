/**
 * The `altcraft-albato` package: the types of every Altcraft action-hook event, their registry, and
 * validators compiled ahead of time; the types of the Altcraft API calls the app's actions and lists make,
 * and the registry of those methods (with which facts about them are inferred).
 *
 *   import type { AltcraftHookBatch, AltcraftApi, ProfilesImportRequest } from "altcraft-albato";
 *   import { validateBatch, apiMethods } from "altcraft-albato";
 */
// `export *` rather than `export type *`: consumers on TypeScript before 5.0 can read it too (the modules are types only).
export * from "./generated/events.js";
export * from "./generated/api.js";
export {
  apiMethod,
  apiMethods,
  DOCUMENTED_ERROR_CODES,
  ERROR_CODES_COMPLETE,
  INVALID_CREDENTIAL_CODES,
  LIST_PAGING,
  SUCCESS_CODE,
  TOKEN_PLACEMENT,
} from "./api-methods.js";
export type { ApiMethodInfo, ApiMethodKind } from "./api-methods.js";
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
