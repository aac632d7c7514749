/**
 * Validate Altcraft events with the precompiled validators: route each event by `event_type` (or the
 * type the caller names) and turn ajv errors into typed problems with plain messages.
 */
import { CannotRunError } from "../errors.js";
import { EVENT_TYPES, eventSchemaFile, eventTypeInfo } from "../event-types.js";
import type { AltcraftEvent } from "../generated/events.js";
import { validatorsFor } from "./load-validators.js";
import { describeValue, problemPointer, quote, schemaMessage } from "./messages.js";
import type { AjvError } from "./messages.js";
import type { BatchProblem, EventProblem, SchemaProblem, ValidateOptions } from "./problems.js";
import { closestName } from "./suggest.js";
import { undeclaredProperties } from "./undeclared.js";

const KNOWN_TYPES = EVENT_TYPES.map((info) => info.type);

function unknownTypeMessage(eventType: string): string {
  const hint = closestName(eventType, KNOWN_TYPES);
  const suggestion = hint === undefined ? "" : `; did you mean "${hint}"?`;
  return `unknown event type ${quote(eventType)} (not one of the ${KNOWN_TYPES.length} types Altcraft sends${suggestion})`;
}

/** The problems of one event; an empty array when it is valid. */
export function validateEvent(event: unknown, options: ValidateOptions = {}): EventProblem[] {
  if (typeof event !== "object" || event === null || Array.isArray(event)) {
    return [
      { kind: "notAnEvent", pointer: "", keyword: "type", message: `must be an event object, found ${describeValue(event)}` },
    ];
  }
  let eventType = options.eventType;
  if (eventType === undefined) {
    const value = (event as { event_type?: unknown }).event_type;
    if (value === undefined) {
      return [{ kind: "noEventType", pointer: "", keyword: "required", message: 'missing required property "event_type"' }];
    }
    if (typeof value !== "string") {
      return [
        {
          kind: "noEventType",
          pointer: "/event_type",
          keyword: "type",
          message: `must be a string, found ${describeValue(value)}`,
        },
      ];
    }
    eventType = value;
  }
  if (eventTypeInfo(eventType) === undefined) {
    return [
      {
        kind: "unknownEventType",
        eventType,
        pointer: "/event_type",
        keyword: "unknownEventType",
        message: unknownTypeMessage(eventType),
      },
    ];
  }
  const validators = validatorsFor(eventType);
  if (validators === undefined) throw new CannotRunError(`the validators have no event type "${eventType}"; run \`npm run build\` again`);
  const validate = validators.validate;
  const valid = validate(event);
  if (valid && !options.strict) return [];
  let errors: AjvError[] = valid ? [] : (validate.errors ?? []);
  // Strict mode: the schema's problems, then one per property it does not declare.
  if (options.strict) {
    const undeclared = undeclaredProperties(event, validators.declared, `${eventSchemaFile(eventType)}#`);
    if (undeclared.length > 0) errors = [...errors, ...undeclared];
  }
  return errors.length === 0 ? [] : schemaProblems(eventType, errors, event);
}

/**
 * The problems ajv's errors about `event` stand for: one per wrong value, and one per missing or unknown
 * member (a schema that says a thing in two of its parts, such as `type: object` on `event_data` in the
 * envelope and in the event's own schema, fails it twice; that is one problem).
 */
export function schemaProblems(eventType: string, errors: readonly AjvError[], event: unknown): SchemaProblem[] {
  const seen = new Set<string>();
  const problems: SchemaProblem[] = [];
  for (const error of errors) {
    const problem: SchemaProblem = {
      kind: "schema",
      eventType,
      pointer: problemPointer(error),
      keyword: error.keyword,
      message: schemaMessage(error, event),
      schemaPath: error.schemaPath,
    };
    const key = `${problem.pointer}\0${problem.keyword}\0${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return onePerValue(problems);
}

/** Keywords about an object's members: several of them at one pointer are several defects. */
const MEMBER_KEYWORDS = new Set(["required", "dependentRequired", "unevaluatedProperties", "additionalProperties"]);

/**
 * One problem per wrong value: a string can break several rules at once (an `event_date` of
 * "2024-05-14 09:00:01" fails both `format` and a `pattern` saying the same thing), but it is one defect.
 * The first failing keyword is kept, except that `format` (a plain description) replaces `pattern` (a regex).
 */
function onePerValue(problems: SchemaProblem[]): SchemaProblem[] {
  if (problems.length < 2) return problems;
  const kept: SchemaProblem[] = [];
  const valueProblem = new Map<string, number>();
  for (const problem of problems) {
    if (MEMBER_KEYWORDS.has(problem.keyword)) {
      kept.push(problem);
      continue;
    }
    const at = valueProblem.get(problem.pointer);
    if (at === undefined) {
      valueProblem.set(problem.pointer, kept.length);
      kept.push(problem);
    } else if (problem.keyword === "format" && kept[at]!.keyword === "pattern") {
      kept[at] = problem;
    }
  }
  return kept;
}

/** The problems of a batch (the JSON array Altcraft posts), each element's with its index. */
export function validateBatch(batch: unknown, options: ValidateOptions = {}): BatchProblem[] {
  if (!Array.isArray(batch)) {
    return [
      { kind: "notABatch", pointer: "", keyword: "type", message: `must be an array of events, found ${describeValue(batch)}` },
    ];
  }
  const problems: BatchProblem[] = [];
  batch.forEach((event: unknown, index) => {
    for (const problem of validateEvent(event, options)) problems.push({ ...problem, index });
  });
  return problems;
}

/** True when the value is a valid event; narrows it to `AltcraftEvent`. */
export function isAltcraftEvent(value: unknown, options: ValidateOptions = {}): value is AltcraftEvent {
  return validateEvent(value, options).length === 0;
}
