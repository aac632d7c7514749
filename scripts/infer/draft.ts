import type { JsonSchema, JsonType } from "../load/json-schema.js";
import { mergedKinds, objectCount, sortedKeys, type Shape } from "./shape.js";

/**
 * A draft JSON Schema (2020-12) of what was observed: the types seen (integer and number merged, `null`
 * making a type nullable), `format: date-time` when every string was one, `required` = properties every
 * object had, nested objects and arrays recursively. Keys are sorted so the same captures give the same
 * bytes. No example values: captures hold real people's data.
 */
export function draftSchema(shape: Shape, eventType: string): JsonSchema {
  const schema = nodeSchema(shape);
  const properties = schema.properties;
  if (properties?.event_type !== undefined) properties.event_type = { ...properties.event_type, const: eventType };
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: `${eventType} (draft)`,
    description: `Inferred by \`altcraft-albato infer\` from ${shape.count} captured event${shape.count === 1 ? "" : "s"}; review it before merging anything into schemas/.`,
    ...schema,
  };
}

function nodeSchema(shape: Shape): JsonSchema {
  const kinds = mergedKinds(shape);
  const schema: JsonSchema = {};
  if (kinds.length === 1) schema.type = kinds[0] as JsonType;
  else if (kinds.length > 1) schema.type = kinds as JsonType[];
  const strings = shape.kinds.get("string") ?? 0;
  if (strings > 0 && shape.dateTimes === strings) schema.format = "date-time";
  if (shape.properties.size > 0) {
    const total = objectCount(shape);
    schema.properties = {};
    const required: string[] = [];
    for (const key of sortedKeys(shape.properties)) {
      const property = shape.properties.get(key)!;
      schema.properties[key] = { $comment: `seen in ${property.count} of ${total}`, ...nodeSchema(property) };
      if (property.count === total) required.push(key);
    }
    if (required.length > 0) schema.required = required;
  }
  if (shape.items !== undefined && shape.items.count > 0) schema.items = nodeSchema(shape.items);
  return schema;
}
