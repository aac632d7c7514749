import { typesOf, type JsonSchema, type JsonType } from "../load/json-schema.js";
import { pointerSegment } from "../runtime/pointer.js";
import { isDateTime } from "../runtime/formats.js";
import { mergedKinds, objectCount, sortedKeys, type JsonKind, type Shape } from "./shape.js";

/**
 * What the captures say about a schema. `path` is a JSON pointer into the events, with `*` for "every
 * item of this array" (e.g. `/subscription/*` + `/status`).
 *
 * - `undeclared`: a property seen that the schema does not declare (under an `x-open` object such keys
 *   are expected and not reported).
 * - `unseen`: a declared property never seen, though its object was.
 * - `type`: values of a JSON type the schema does not allow.
 * - `format`: strings that are not the declared format (date-time is the only one we infer).
 * - `enum`: string values outside a declared `enum` / `const`.
 * - `required`: a required property missing from some of its objects.
 * The last four are conflicts: real events that the schema would reject.
 */
export type FindingKind = "undeclared" | "unseen" | "type" | "format" | "enum" | "required";

export interface Finding {
  kind: FindingKind;
  path: string;
  /** A sentence for people. */
  message: string;
  /** How many values (or objects) the finding is about. */
  count: number;
}

export const CONFLICT_KINDS: ReadonlySet<FindingKind> = new Set(["type", "format", "enum", "required"]);

/** Compare what was observed for one event type with its resolved schema; findings sorted by path, kind. */
export function compareWithSchema(shape: Shape, schema: JsonSchema): Finding[] {
  const findings: Finding[] = [];
  walk(shape, schema, "", findings);
  return findings.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
}

function allows(types: readonly JsonType[], kind: JsonKind): boolean {
  if (types.includes(kind)) return true;
  return kind === "integer" && types.includes("number");
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

function walk(shape: Shape, schema: JsonSchema, path: string, findings: Finding[]): void {
  const types = typesOf(schema);
  if (types.length > 0) {
    for (const [kind, count] of shape.kinds) {
      if (!allows(types, kind)) {
        findings.push({
          kind: "type",
          path,
          count,
          message: `${plural(count, "value")} of type ${kind}; the schema allows ${types.join(" | ")}`,
        });
      }
    }
  }
  const strings = shape.kinds.get("string") ?? 0;
  if (schema.format === "date-time" && shape.dateTimes < strings) {
    const example = [...shape.distinct].find((value) => !isDateTime(value));
    findings.push({
      kind: "format",
      path,
      count: strings - shape.dateTimes,
      message: `${plural(strings - shape.dateTimes, "string")} not an RFC 3339 date-time${example !== undefined ? ` (e.g. ${JSON.stringify(example)})` : ""}`,
    });
  }
  const allowed = schema.enum ?? (schema.const !== undefined ? [schema.const] : undefined);
  if (allowed !== undefined && strings > 0) {
    const outside = [...shape.distinct].filter((value) => !allowed.includes(value)).sort();
    if (outside.length > 0) {
      findings.push({
        kind: "enum",
        path,
        count: outside.length,
        message: `values outside the allowed ${allowed.map((value) => JSON.stringify(value)).join(", ")}: ${outside
          .slice(0, 5)
          .map((value) => JSON.stringify(value))
          .join(", ")}${outside.length > 5 ? ", …" : ""}`,
      });
    }
  }

  const objects = objectCount(shape);
  if (objects > 0) {
    const declared = schema.properties ?? {};
    for (const key of sortedKeys(shape.properties)) {
      const observed = shape.properties.get(key)!;
      const child = `${path}/${pointerSegment(key)}`;
      const declaration = declared[key];
      if (declaration !== undefined) walk(observed, declaration, child, findings);
      else if (schema["x-open"] !== true) {
        findings.push({
          kind: "undeclared",
          path: child,
          count: observed.count,
          message: `seen in ${observed.count} of ${plural(objects, "object")} as ${mergedKinds(observed).join(" | ")}; not in the schema`,
        });
      }
    }
    for (const key of Object.keys(declared).sort()) {
      if (!shape.properties.has(key)) {
        findings.push({
          kind: "unseen",
          path: `${path}/${pointerSegment(key)}`,
          count: 0,
          message: `declared, never seen in ${plural(objects, "object")}`,
        });
      }
    }
    for (const key of schema.required ?? []) {
      const present = shape.properties.get(key)?.count ?? 0;
      if (present < objects) {
        findings.push({
          kind: "required",
          path: `${path}/${pointerSegment(key)}`,
          count: objects - present,
          message: `required, but missing from ${objects - present} of ${plural(objects, "object")}`,
        });
      }
    }
  }
  if (shape.items !== undefined && shape.items.count > 0 && schema.items !== undefined) {
    walk(shape.items, schema.items, `${path}/*`, findings);
  }
}
