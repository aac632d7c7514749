/**
 * JSON Schema → Albato field type: integer → Int, number → Decimal, boolean → Boolean,
 * string with `format: date-time` → DateTime, `x-albato-type` overrides (Phone …), other strings → String.
 * `null` in a type list never changes the Albato type (Albato fields are all nullable).
 */
import type { JsonSchema, JsonType } from "../load/json-schema.js";
import { typesOf } from "../load/json-schema.js";
import { ALBATO_SCALAR_TYPES, type AlbatoScalarType } from "../model/manifest.js";

export { ALBATO_SCALAR_TYPES };

export function isAlbatoScalarType(value: unknown): value is AlbatoScalarType {
  return typeof value === "string" && (ALBATO_SCALAR_TYPES as readonly string[]).includes(value);
}

/** The non-null JSON types a schema allows; inferred from `const`/`enum` when `type` is absent. */
export function valueTypesOf(schema: JsonSchema): JsonType[] {
  const declared = typesOf(schema).filter((type) => type !== "null");
  if (declared.length > 0 || typesOf(schema).includes("null")) return declared;
  const values = schema.const !== undefined ? [schema.const] : (schema.enum ?? []);
  const inferred = new Set<JsonType>();
  for (const value of values) {
    if (value === null) continue;
    if (typeof value === "string") inferred.add("string");
    else if (typeof value === "boolean") inferred.add("boolean");
    else if (typeof value === "number") inferred.add(Number.isInteger(value) ? "integer" : "number");
  }
  return [...inferred];
}

/** The Albato type of a scalar schema, or a reason why it has none. */
export function scalarTypeOf(schema: JsonSchema): { type: AlbatoScalarType } | { unmappable: string } {
  const override = schema["x-albato-type"];
  if (override !== undefined) {
    if (isAlbatoScalarType(override)) return { type: override };
    return { unmappable: `"x-albato-type" must be one of ${ALBATO_SCALAR_TYPES.join(", ")} (found ${JSON.stringify(override)})` };
  }
  const types = valueTypesOf(schema);
  if (types.length === 0) return { unmappable: 'no "type" (give it one, or "x-albato-exclude" with a reason)' };
  if (types.some((type) => type === "object" || type === "array")) {
    return { unmappable: `mixes a structure with scalars (type ${JSON.stringify(schema.type)})` };
  }
  if (types.length > 1) {
    // Several scalar types: numbers stay numbers, anything else is safest as text.
    return { type: types.every((type) => type === "integer" || type === "number") ? "Decimal" : "String" };
  }
  switch (types[0]) {
    case "integer":
      return { type: "Int" };
    case "number":
      return { type: "Decimal" };
    case "boolean":
      return { type: "Boolean" };
    default:
      return { type: schema.format === "date-time" ? "DateTime" : "String" };
  }
}
