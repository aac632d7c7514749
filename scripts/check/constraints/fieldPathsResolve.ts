/**
 * Every manifest field maps to a leaf of its event schema: its `data.` path and its source pointer name
 * the same property, and that property exists and is not an object (objects are flattened).
 */
import { pointerOfPath, schemaPath } from "../../derive/fields.js";
import type { JsonSchema } from "../../load/json-schema.js";
import type { RuleProblem } from "../problem.js";
import type { Constraint } from "./context.js";

function follow(schema: JsonSchema, pointer: string): JsonSchema | undefined {
  let node: unknown = schema;
  for (const raw of pointer.split("/").slice(1)) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === "object" && node !== null ? (node as JsonSchema) : undefined;
}

export const fieldPathsResolve: Constraint = (manifest, context) => {
  const problems: RuleProblem[] = [];
  for (const trigger of manifest.triggers) {
    const event = context.events.get(trigger.eventType);
    for (const field of trigger.fields) {
      const place = { file: field.source.schema, pointer: field.source.pointer };
      const fail = (message: string) =>
        problems.push({ rule: "fieldPathsResolve", place, message: `trigger "${trigger.code}" field "${field.code}" (${field.path}): ${message}` });
      if (!event) {
        fail(`no schema for event type "${trigger.eventType}"`);
        continue;
      }
      if (field.source.schema !== event.document.file) {
        fail(`comes from ${field.source.schema}, but the event's schema is ${event.document.file}`);
        continue;
      }
      if (!field.path.startsWith("data.")) {
        fail('the mapping path must start with "data."');
        continue;
      }
      const expected = pointerOfPath(schemaPath(field.path));
      if (expected !== field.source.pointer) {
        fail(`the path names ${expected}, not the source ${field.source.pointer}`);
        continue;
      }
      const node = follow(event.resolved, field.source.pointer);
      if (!node) fail("no such property in the resolved schema");
      else if (node.properties !== undefined) fail("is an object; only leaves are fields");
    }
  }
  return problems;
};
