/**
 * The Albato trigger fields of one event: the leaves of the resolved event schema the field policy places
 * (connector/fields.yaml), in the policy's order. Nested objects flatten to dotted paths; arrays of
 * scalars are `<Type>Array`; arrays of objects give one `<Type>Array` field per leaf
 * (`subscription[].channel`); open (`x-open`) objects contribute their declared properties only. A leaf
 * is left out deliberately by `x-albato-exclude` in the schema, by the policy, or by the trigger's
 * `exclude`; a leaf the policy neither places nor excludes is reported (the build refuses it).
 */
import type { JsonSchema } from "../load/json-schema.js";
import { typesOf } from "../load/json-schema.js";
import { pointerSegment } from "../runtime/pointer.js";
import type { EventSchema } from "../load/schemas.js";
import type { AlbatoFieldType } from "../model/manifest.js";
import { scalarTypeOf, valueTypesOf } from "./field-types.js";

/** Where a field or leaf came from: the event schema file and the pointer into its resolved schema. */
export interface FieldSource {
  schema: string;
  pointer: string;
}

export interface DerivedField {
  /** Schema path, the key of labels and of the code lock: `event_data.link_url`, `subscription[].channel`. */
  path: string;
  type: AlbatoFieldType;
  /** The policy block it is listed in. */
  block: string;
  /** True when some property on the way is not required (the field may be absent). */
  optional: boolean;
  source: FieldSource;
}

export interface ExcludedLeaf {
  path: string;
  reason: string;
  /** `schema`: `x-albato-exclude`; `policy`: connector/fields.yaml; `trigger`: the trigger's `exclude` list. */
  by: "schema" | "policy" | "trigger";
  source: FieldSource;
}

/** A leaf the derivation cannot turn into a field (the build reports it as a definition error). */
export interface UnmappableLeaf {
  path: string;
  reason: string;
  source: FieldSource;
}

export interface EventFields {
  eventType: string;
  /** In the policy's order. */
  fields: DerivedField[];
  excluded: ExcludedLeaf[];
  unmappable: UnmappableLeaf[];
  /** Leaves that could be fields but that the policy neither places nor excludes. */
  unplaced: UnmappableLeaf[];
  /** Paths in the trigger's `exclude` that name nothing in the schema. */
  unusedExcludes: string[];
}

/** What decides which leaves are fields of one trigger, and their order. */
export interface FieldRules {
  /** Path (of a leaf or of an object above leaves) → why it is no field here, and which rule says so. */
  exclude: ReadonlyMap<string, { reason: string; by: "policy" | "trigger" }>;
  /** Path → its block and its rank among every placed path (lower comes first). */
  place: ReadonlyMap<string, { block: string; rank: number }>;
}

/** The mapping path Albato uses for a schema path. */
export function mappingPath(path: string): string {
  return `data.${path}`;
}

/** The schema path of a mapping path (`data.event_data.ip` → `event_data.ip`). */
export function schemaPath(mapping: string): string {
  return mapping.replace(/^data\./, "");
}

/** The JSON pointer a schema path has in a resolved schema (`subscription[].channel` → `/properties/subscription/items/properties/channel`). */
export function pointerOfPath(path: string): string {
  return path
    .split(".")
    .map((segment) => {
      const isArray = segment.endsWith("[]");
      const name = isArray ? segment.slice(0, -2) : segment;
      return `/properties/${pointerSegment(name)}${isArray ? "/items" : ""}`;
    })
    .join("");
}

function isObjectSchema(schema: JsonSchema): boolean {
  return typesOf(schema).includes("object") || (schema.type === undefined && schema.properties !== undefined);
}

function isArraySchema(schema: JsonSchema): boolean {
  return typesOf(schema).includes("array");
}

export function deriveFields(event: EventSchema, rules: FieldRules): EventFields {
  const file = event.document.file;
  const result: EventFields = { eventType: event.eventType, fields: [], excluded: [], unmappable: [], unplaced: [], unusedExcludes: [] };
  const usedExcludes = new Set<string>();
  const addLeaf = (path: string, type: AlbatoFieldType, optional: boolean, source: FieldSource): void => {
    const place = rules.place.get(path);
    if (place) result.fields.push({ path, type, block: place.block, optional, source });
    else result.unplaced.push({ path, reason: "connector/fields.yaml neither places it in a block nor excludes it", source });
  };

  function walk(schema: JsonSchema, path: string, pointer: string, optional: boolean, inArray: boolean): void {
    const source = { schema: file, pointer };
    const schemaReason = schema["x-albato-exclude"];
    if (typeof schemaReason === "string") {
      result.excluded.push({ path, reason: schemaReason, by: "schema", source });
      return;
    }
    const rule = rules.exclude.get(path);
    if (rule !== undefined) {
      usedExcludes.add(path);
      result.excluded.push({ path, reason: rule.reason, by: rule.by, source });
      return;
    }
    if (isArraySchema(schema) && schema["x-albato-type"] === undefined) {
      walkArray(schema, path, pointer, optional, inArray);
    } else if (isObjectSchema(schema) && schema["x-albato-type"] === undefined && valueTypesOf(schema).length <= 1) {
      walkObject(schema, path, pointer, optional, inArray);
    } else {
      const scalar = scalarTypeOf(schema);
      if ("unmappable" in scalar) result.unmappable.push({ path, reason: scalar.unmappable, source });
      else addLeaf(path, inArray ? `${scalar.type}Array` : scalar.type, optional, source);
    }
  }

  function walkArray(schema: JsonSchema, path: string, pointer: string, optional: boolean, inArray: boolean): void {
    const source = { schema: file, pointer };
    const items = schema.items;
    if (inArray) {
      result.unmappable.push({ path, reason: "an array inside an array has no Albato field type", source });
    } else if (items === undefined) {
      result.unmappable.push({ path, reason: 'an array without "items" has no Albato field type', source });
    } else if (isObjectSchema(items) && items["x-albato-type"] === undefined) {
      walkObject(items, `${path}[]`, `${pointer}/items`, true, true);
    } else {
      const scalar = scalarTypeOf(items);
      if ("unmappable" in scalar) result.unmappable.push({ path, reason: `items: ${scalar.unmappable}`, source });
      else addLeaf(path, `${scalar.type}Array`, optional, source);
    }
  }

  function walkObject(schema: JsonSchema, path: string, pointer: string, optional: boolean, inArray: boolean): void {
    // An object without declared properties (open or not) has no leaves to offer.
    const entries = Object.entries(schema.properties ?? {});
    const required = new Set(schema.required ?? []);
    for (const [key, child] of entries) {
      const childPointer = `${pointer}/properties/${pointerSegment(key)}`;
      const childPath = path === "" ? key : `${path}.${key}`;
      if (key.includes(".") || key.includes("[") || key === "") {
        result.unmappable.push({
          path: childPath,
          reason: 'a property name with ".", "[" or nothing in it cannot be mapped by an Albato path',
          source: { schema: file, pointer: childPointer },
        });
        continue;
      }
      walk(child, childPath, childPointer, optional || !required.has(key), inArray);
    }
  }

  walkObject(event.resolved, "", "", false, false);
  result.fields.sort((a, b) => rules.place.get(a.path)!.rank - rules.place.get(b.path)!.rank);
  result.unusedExcludes = [...rules.exclude]
    .filter(([path, rule]) => rule.by === "trigger" && !usedExcludes.has(path))
    .map(([path]) => path)
    .sort();
  return result;
}
