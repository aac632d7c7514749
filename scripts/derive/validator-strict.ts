import type { JsonSchema } from "../load/json-schema.js";

/**
 * The `--strict` variant of a resolved schema: every object that declares `properties` and is not
 * `x-open` gets `unevaluatedProperties: false`, so a property the schema does not know is reported.
 * `additionalProperties: true` would mark every property evaluated and silence that, so it is dropped.
 */
export function strictSchema(schema: JsonSchema): JsonSchema {
  const out: JsonSchema = { ...schema };
  if (schema.properties) {
    const properties: Record<string, JsonSchema> = {};
    for (const [key, value] of Object.entries(schema.properties)) properties[key] = strictSchema(value);
    out.properties = properties;
    if (schema["x-open"] !== true) {
      if (out.additionalProperties === true) delete out.additionalProperties;
      if (out.additionalProperties === undefined) out.unevaluatedProperties = false;
    }
  }
  if (schema.items) out.items = strictSchema(schema.items);
  if (typeof schema.additionalProperties === "object") out.additionalProperties = strictSchema(schema.additionalProperties);
  return out;
}
