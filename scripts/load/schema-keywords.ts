/**
 * Unknown keywords in a schema, each at its JSON pointer. The meta-schema lets any keyword through (2020-12
 * allows unknown ones), and ajv's strict mode then refuses the schema whole, naming the keyword but not
 * where it is; so every schema is searched here when it is loaded, and a misspelt `additionalPropertes`
 * is reported at `schemas/events/click.schema.json /properties/event_data/additionalPropertes`.
 */
import { appendPointer } from "../runtime/pointer.js";
import { createAjv } from "./ajv.js";
import { didYouMean } from "./nearest-key.js";

/** Keywords whose value is a schema, an array of schemas, or a map of name → schema (2020-12 and draft-07). */
const SCHEMA_VALUED = new Set(["additionalProperties", "items", "not", "if", "then", "else", "contains", "propertyNames", "unevaluatedItems", "unevaluatedProperties", "additionalItems", "contentSchema"]);
const SCHEMA_ARRAYS = new Set(["allOf", "anyOf", "oneOf", "prefixItems", "items"]);
const SCHEMA_MAPS = new Set(["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"]);
/** Identifiers ajv resolves without listing them as keywords. */
const CORE = ["$anchor"];

let known: Set<string> | undefined;

/** Every keyword the one ajv setup knows (validation, applicators, annotations, core). */
function knownKeywords(): Set<string> {
  known ??= new Set([...Object.keys(createAjv().RULES.keywords), ...CORE]);
  return known;
}

export interface UnknownKeyword {
  pointer: string;
  message: string;
}

/** Every keyword of `schema` (and of its subschemas) that ajv would refuse; `x-` annotations are ours. */
export function unknownKeywords(schema: unknown): UnknownKeyword[] {
  const found: UnknownKeyword[] = [];
  const keywords = knownKeywords();
  const visit = (node: unknown, pointer: string): void => {
    if (typeof node !== "object" || node === null || Array.isArray(node)) return;
    for (const [key, value] of Object.entries(node)) {
      const at = appendPointer(pointer, key);
      if (!keywords.has(key) && !key.startsWith("x-")) {
        found.push({ pointer: at, message: `unknown keyword "${key}"${didYouMean(key, keywords)} (ajv refuses unknown keywords; annotations of our own start with "x-")` });
        continue;
      }
      if (SCHEMA_ARRAYS.has(key) && Array.isArray(value)) value.forEach((item, index) => visit(item, appendPointer(at, index)));
      else if (SCHEMA_VALUED.has(key)) visit(value, at);
      else if (SCHEMA_MAPS.has(key) && typeof value === "object" && value !== null) {
        for (const [name, child] of Object.entries(value)) visit(child, appendPointer(at, name));
      }
    }
  };
  visit(schema, "");
  return found;
}
