import type { JsonSchema } from "../load/json-schema.js";
import type { EventSchema } from "../load/schemas.js";
import { eventTypeLabel } from "../listen/body.js";
import type { EventInput, Skipped } from "../load/event-inputs.js";
import type { Problem } from "../errors.js";
import { typeStanding, type TypeStanding } from "../listen/validator.js";
import { compareWithSchema, CONFLICT_KINDS, type Finding } from "./compare.js";
import { draftSchema } from "./draft.js";
import { emptyShape, observe, type Shape } from "./shape.js";

/** What the captures say about one event type. */
export interface TypeAnalysis {
  eventType: string;
  standing: TypeStanding;
  events: number;
  /** The schema compared with (repo path), absent for a type the registry does not know. */
  schemaFile?: string;
  findings: Finding[];
  conflicts: number;
  draft: JsonSchema;
}

export interface InferResult {
  files: string[];
  events: number;
  skipped: Skipped[];
  /** Malformed input (lines that are not JSON, values that are not events), reported and passed over. */
  problems: Problem[];
  /** Sorted by event type. */
  types: TypeAnalysis[];
  conflicts: number;
}

/** Group the events by `event_type`, infer a draft per type and compare it with the current schema. */
export function analyse(
  input: EventInput,
  schemas: ReadonlyMap<string, EventSchema>,
  only?: string,
  /** Compare `only`'s events with this type's schema (an unknown wire name that may be a provisional type's). */
  schemaType?: string,
): InferResult {
  const shapes = new Map<string, Shape>();
  let events = 0;
  for (const { event } of input.events) {
    const type = eventTypeLabel(event);
    if (only !== undefined && type !== only) continue;
    events++;
    let shape = shapes.get(type);
    if (shape === undefined) {
      shape = emptyShape();
      shapes.set(type, shape);
    }
    observe(shape, event);
  }
  const types: TypeAnalysis[] = [...shapes.keys()].sort().map((eventType) => {
    const shape = shapes.get(eventType)!;
    const renamed = schemaType !== undefined && eventType === only;
    const schema = schemas.get(renamed ? schemaType : eventType);
    // Compared as another type, the event_type value differs from its const by design.
    const findings = (schema === undefined ? [] : compareWithSchema(shape, schema.resolved)).filter(
      (finding) => !(renamed && finding.path === "/event_type" && finding.kind === "enum"),
    );
    return {
      eventType,
      standing: typeStanding(eventType),
      events: shape.count,
      ...(schema !== undefined ? { schemaFile: schema.document.file } : {}),
      findings,
      conflicts: findings.filter((finding) => CONFLICT_KINDS.has(finding.kind)).length,
      draft: draftSchema(shape, eventType),
    };
  });
  return {
    files: input.files,
    events,
    skipped: input.skipped,
    problems: input.problems,
    types,
    conflicts: types.reduce((sum, type) => sum + type.conflicts, 0),
  };
}
