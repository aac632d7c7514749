/**
 * Factor what event schemas have in common out into shared subschemas, so ajv compiles each shared part
 * once instead of once per event type (the envelope, custom_data and subscription are in all of them;
 * a tracking or delivery `event_data` in a dozen). Compiling 37 fully inlined schemas was three quarters
 * of a cold build's validator time; with the shared parts compiled once it is a fraction of that.
 *
 * The factored schemas validate exactly as the inlined ones, and every error keeps the schema path it has
 * in the inlined schema, because a shared part is only ever used at one JSON pointer (its `pointer`), and
 * the validator generator gives its errors that pointer as their prefix. Two rewrites, both exact:
 *   - a whole subtree equal (at the same pointer) in two or more event schemas becomes a `$ref`;
 *   - an object node whose own keywords are only `type`, `required` and `properties` is split: the
 *     properties other event schemas have too (equal, at that pointer) go to cores, one per set of event
 *     schemas that share them, each with its part of `required`, referenced with `$ref` (or `allOf` for
 *     several); the rest stays in place with `type`. The cores need no `type`: `required` and
 *     `properties` say nothing about a value that is not an object.
 */
import type { JsonSchema } from "../load/json-schema.js";

/** Where shared parts live: an absolute URI, so a `$ref` to one resolves the same from any schema. */
const SHARED_BASE = "https://altcraft-albato.dev/validators/shared/";

export interface SharedSubschema {
  /** The absolute URI the factored schemas `$ref`, and its key in ajv. */
  id: string;
  /** The JSON pointer of this part in every event schema that uses it: the prefix of its errors' schema paths. */
  pointer: string;
  schema: JsonSchema;
}

export interface FactoredSchemas {
  /** Event type → its schema with shared parts replaced by `$ref`s, in the order given. */
  events: Map<string, JsonSchema>;
  /** The shared parts, in the order they were first met. */
  shared: SharedSubschema[];
}

/** Only these keywords on an object node let it be split into a core and a rest (see above). */
const SPLITTABLE = new Set(["type", "required", "properties"]);

/** The way ajv writes a property name into a schema path: a JSON pointer segment, percent-encoded. */
export function schemaPathSegment(key: string): string {
  return encodeURIComponent(key.replace(/~/g, "~0").replace(/\//g, "~1"));
}

function isCompound(schema: JsonSchema): boolean {
  return schema.properties !== undefined || schema.items !== undefined;
}

/** Pointer + text of a node: equal keys mean the same subtree at the same place. */
const keyOf = (pointer: string, schema: JsonSchema): string => `${pointer}\n${JSON.stringify(schema)}`;

/** For each (pointer, subtree): the event schemas that have it, as their indexes. */
function subtreeUsers(schemas: Iterable<JsonSchema>): Map<string, number[]> {
  const users = new Map<string, number[]>();
  let index = 0;
  const visit = (schema: JsonSchema, pointer: string): void => {
    const key = keyOf(pointer, schema);
    const list = users.get(key);
    if (list === undefined) users.set(key, [index]);
    else list.push(index);
    for (const [name, child] of Object.entries(schema.properties ?? {})) visit(child, `${pointer}/properties/${schemaPathSegment(name)}`);
    if (schema.items) visit(schema.items, `${pointer}/items`);
  };
  for (const schema of schemas) {
    visit(schema, "");
    index++;
  }
  return users;
}

export function factorSharedSubschemas(schemas: ReadonlyMap<string, JsonSchema>): FactoredSchemas {
  const users = subtreeUsers(schemas.values());
  const usersOf = (pointer: string, schema: JsonSchema): number[] => users.get(keyOf(pointer, schema)) ?? [];
  const shared = new Map<string, SharedSubschema>();
  const reference = (pointer: string, schema: JsonSchema): JsonSchema => {
    const key = keyOf(pointer, schema);
    let part = shared.get(key);
    if (part === undefined) {
      part = { id: `${SHARED_BASE}${shared.size}`, pointer, schema };
      shared.set(key, part);
    }
    return { $ref: part.id };
  };

  const factor = (schema: JsonSchema, pointer: string): JsonSchema => {
    if (pointer !== "" && isCompound(schema) && usersOf(pointer, schema).length >= 2) return reference(pointer, schema);
    const childPointer = (name: string): string => `${pointer}/properties/${schemaPathSegment(name)}`;
    const properties = Object.entries(schema.properties ?? {});
    // Properties other event schemas have too, grouped by exactly which ones: each group is a core
    // those event schemas share.
    const groups = new Map<string, Array<[string, JsonSchema]>>();
    for (const [name, child] of properties) {
      const sharers = usersOf(childPointer(name), child);
      if (sharers.length < 2) continue;
      const signature = sharers.join(",");
      groups.set(signature, [...(groups.get(signature) ?? []), [name, child]]);
    }
    const out: JsonSchema = {};
    if (groups.size > 0 && Object.keys(schema).every((keyword) => SPLITTABLE.has(keyword))) {
      if (schema.type !== undefined) out.type = schema.type;
      const inCore = new Set<string>();
      const cores = [...groups.values()].map((group) => {
        const names = new Set(group.map(([name]) => name));
        names.forEach((name) => inCore.add(name));
        const required = (schema.required ?? []).filter((name) => names.has(name));
        return reference(pointer, { ...(required.length > 0 ? { required } : {}), properties: Object.fromEntries(group) });
      });
      if (cores.length === 1) out.$ref = cores[0]!.$ref;
      else out.allOf = cores;
      const required = (schema.required ?? []).filter((name) => !inCore.has(name));
      if (required.length > 0) out.required = required;
      const own = properties.filter(([name]) => !inCore.has(name));
      if (own.length > 0) out.properties = Object.fromEntries(own.map(([name, child]) => [name, factor(child, childPointer(name))]));
      return out;
    }
    Object.assign(out, schema);
    if (schema.properties) out.properties = Object.fromEntries(properties.map(([name, child]) => [name, factor(child, childPointer(name))]));
    if (schema.items) out.items = factor(schema.items, `${pointer}/items`);
    return out;
  };

  const events = new Map([...schemas].map(([eventType, schema]) => [eventType, factor(schema, "")]));
  return { events, shared: [...shared.values()] };
}
