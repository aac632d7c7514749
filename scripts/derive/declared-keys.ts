/**
 * The tree of declared keys `--strict` walks (runtime/undeclared.ts), from a resolved event schema: an
 * object that declares `properties` and is not `x-open` is closed, so any other key in it is reported,
 * unless `additionalProperties` is a schema (it then rules the other keys) or `false` (ajv itself
 * already reports them). `additionalProperties: true` does not open an object: it only says the schema
 * does not forbid extras, and strict mode is about what the schema does not declare.
 */
import type { JsonSchema } from "../load/json-schema.js";
import type { DeclaredNode, DeclaredObject } from "../runtime/undeclared.js";

export function declaredKeys(schema: JsonSchema): DeclaredNode {
  const node: DeclaredObject = {};
  const additional = schema.additionalProperties;
  if (schema.properties) {
    // fromEntries defines own properties: a property named "__proto__" stays one.
    node.properties = Object.fromEntries(Object.entries(schema.properties).map(([key, value]) => [key, declaredKeys(value)]));
    if (schema["x-open"] === true || (additional !== undefined && additional !== true)) node.open = 1;
  }
  if (typeof additional === "object" && additional !== null) {
    const extras = declaredKeys(additional);
    if (extras !== 0) node.additionalProperties = extras;
  }
  if (typeof schema.items === "object" && schema.items !== null) {
    const items = declaredKeys(schema.items);
    if (items !== 0) node.items = items;
  }
  // Nothing to report here or below (no closed object anywhere inside): the walker need not look.
  const checksKeys = node.properties !== undefined && (node.open !== 1 || Object.values(node.properties).some((child) => child !== 0));
  if (!checksKeys && node.additionalProperties === undefined && node.items === undefined) return 0;
  return node;
}
