/**
 * Following a dotted body path (`data._fname`, `timeout.minutes`) through a resolved schema, and whether
 * the JSON type found there fits an Albato field type: what the request, response and list checks share.
 */
import { scalarTypeOf } from "../../derive/field-types.js";
import type { JsonSchema } from "../../load/json-schema.js";
import { typesOf } from "../../load/json-schema.js";
import type { AlbatoFieldType } from "../../model/manifest.js";

/** The schema of the property at `path` (each segment a declared property), or the segment that is not declared. */
export function followPath(schema: JsonSchema, path: string): { schema: JsonSchema } | { missing: string } {
  let node = schema;
  for (const segment of path.split(".")) {
    const next = node.properties?.[segment];
    if (next === undefined) return { missing: segment };
    node = next;
  }
  return { schema: node };
}

/** Can a value the schema describes fill a field of `type`? Text takes any scalar; Decimal takes integers. */
export function fitsFieldType(schema: JsonSchema, type: AlbatoFieldType): boolean {
  if (type.endsWith("Array")) {
    if (!typesOf(schema).includes("array") || schema.items === undefined) return false;
    return fitsFieldType(schema.items, type.slice(0, -"Array".length) as AlbatoFieldType);
  }
  if (typesOf(schema).some((t) => t === "object" || t === "array")) return false;
  const derived = scalarTypeOf(schema);
  if ("unmappable" in derived) return false;
  if (type === "String") return true;
  return derived.type === type || (type === "Decimal" && derived.type === "Int");
}

/** The type a schema's values have, in words, for messages. */
export function schemaTypeText(schema: JsonSchema): string {
  const types = typesOf(schema);
  const base = types.length === 0 ? "untyped" : types.join(" or ");
  return schema.format ? `${base} (${schema.format})` : base;
}
