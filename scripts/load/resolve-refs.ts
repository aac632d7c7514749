/**
 * Every `$ref` inlined and every `allOf` merged: the resolved view of an event schema that derivation
 * walks (fields, types, the AsyncAPI bundle). Validation never uses it: ajv compiles the schemas as
 * written (load/ajv.ts).
 */
import { CannotRunError } from "../errors.js";
import { appendPointer, valueAtPointer } from "../runtime/pointer.js";
import type { JsonSchema, SchemaDocument } from "./json-schema.js";

/** Follow a JSON pointer fragment ("/$defs/x") inside a schema. */
function followFragment(schema: JsonSchema, fragment: string): JsonSchema | undefined {
  const node = valueAtPointer(schema, fragment);
  return typeof node === "object" && node !== null ? (node as JsonSchema) : undefined;
}

/**
 * Merge two already-resolved schemas: properties and array items merge deeply, `required` unions, `b`'s
 * keywords win. (An `allOf` part that narrows the items of an array its other part declares, as the API
 * list responses do, keeps both parts' item properties, as validation does.)
 */
export function mergeSchemas(a: JsonSchema, b: JsonSchema): JsonSchema {
  const merged: JsonSchema = { ...a, ...b };
  // A constant narrows a shared property (event_type); the shared examples would then be wrong.
  if (b.const !== undefined && b.examples === undefined) delete merged.examples;
  if (a.properties || b.properties) {
    const properties: Record<string, JsonSchema> = { ...a.properties };
    for (const [key, value] of Object.entries(b.properties ?? {})) {
      const existing = properties[key];
      properties[key] = existing ? mergeSchemas(existing, value) : value;
    }
    merged.properties = properties;
  }
  if (a.items && b.items) merged.items = mergeSchemas(a.items, b.items);
  if (a.required || b.required) merged.required = [...new Set([...(a.required ?? []), ...(b.required ?? [])])];
  return merged;
}

interface Frame {
  document: SchemaDocument;
  /** JSON pointer of the node inside its document, for messages. */
  pointer: string;
}

/**
 * Inline every `$ref` and merge every `allOf` of an event schema, giving one self-contained schema that
 * derivation stages can walk. A dangling or cyclic `$ref` is an error naming the file and pointer.
 */
export function resolveSchema(document: SchemaDocument, documents: ReadonlyMap<string, SchemaDocument>): JsonSchema {
  const active: string[] = [];

  function resolveRef(ref: string, frame: Frame): JsonSchema {
    let target: URL;
    try {
      target = new URL(ref, frame.document.id);
    } catch {
      throw new CannotRunError(`"$ref" "${ref}" is not a valid URI reference`, {
        file: frame.document.file,
        pointer: frame.pointer,
      });
    }
    const fragment = decodeURIComponent(target.hash.replace(/^#/, ""));
    target.hash = "";
    const targetDocument = documents.get(target.href);
    const node = targetDocument && followFragment(targetDocument.json, fragment);
    if (!targetDocument || !node) {
      throw new CannotRunError(`"$ref" "${ref}" points at nothing (no schema "${target.href}#${fragment}")`, {
        file: frame.document.file,
        pointer: frame.pointer,
      });
    }
    const key = `${target.href}#${fragment}`;
    if (active.includes(key)) {
      const cycle = [...active.slice(active.indexOf(key)), key].map((k) => k.replace(/^https:\/\/[^/]+\//, ""));
      throw new CannotRunError(`cyclic "$ref": ${cycle.join(" → ")}`, {
        file: frame.document.file,
        pointer: frame.pointer,
      });
    }
    active.push(key);
    const resolved = resolveNode(node, { document: targetDocument, pointer: fragment });
    active.pop();
    return resolved;
  }

  function resolveNode(node: JsonSchema, frame: Frame): JsonSchema {
    const { $ref, allOf, properties, items, $defs: _defs, $id: _id, $schema: _schema, ...rest } = node;
    let result: JsonSchema = {};
    if ($ref !== undefined) result = resolveRef($ref, { ...frame, pointer: `${frame.pointer}/$ref` });
    (allOf ?? []).forEach((part, index) => {
      result = mergeSchemas(result, resolveNode(part, { ...frame, pointer: `${frame.pointer}/allOf/${index}` }));
    });
    const own: JsonSchema = { ...rest };
    if (properties) {
      own.properties = {};
      for (const [key, value] of Object.entries(properties)) {
        own.properties[key] = resolveNode(value, { ...frame, pointer: appendPointer(frame.pointer, "properties", key) });
      }
    }
    if (items) own.items = resolveNode(items, { ...frame, pointer: `${frame.pointer}/items` });
    return mergeSchemas(result, own);
  }

  return resolveNode(document.json, { document, pointer: "" });
}
