import { isDateTime } from "../runtime/formats.js";

/** The JSON kinds a value can have; `integer` is a `number` without a fraction. */
export type JsonKind = "string" | "integer" | "number" | "boolean" | "null" | "object" | "array";

/** Distinct string values kept per place, to check `enum`s and show examples; beyond it, only counts. */
const MAX_DISTINCT = 50;

/** Everything observed at one place of the events (an event, a property, the items of an array). */
export interface Shape {
  /** How many values were seen here. */
  count: number;
  kinds: Map<JsonKind, number>;
  /** String values that are RFC 3339 date-times. */
  dateTimes: number;
  /** Distinct string values, up to MAX_DISTINCT (`distinctOverflow` says when more were seen). */
  distinct: Set<string>;
  distinctOverflow: boolean;
  /** Per property of the objects seen here; a property's `count` is how many of them had it. */
  properties: Map<string, Shape>;
  /** The values inside the arrays seen here. */
  items?: Shape;
}

export function emptyShape(): Shape {
  return { count: 0, kinds: new Map(), dateTimes: 0, distinct: new Set(), distinctOverflow: false, properties: new Map() };
}

export function kindOf(value: unknown): JsonKind {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  switch (typeof value) {
    case "string":
      return "string";
    case "boolean":
      return "boolean";
    case "number":
      return Number.isInteger(value) ? "integer" : "number";
    default:
      return "object";
  }
}

/** Add one value (and everything inside it) to a shape. */
export function observe(shape: Shape, value: unknown): void {
  shape.count++;
  const kind = kindOf(value);
  shape.kinds.set(kind, (shape.kinds.get(kind) ?? 0) + 1);
  if (kind === "string") {
    const text = value as string;
    if (isDateTime(text)) shape.dateTimes++;
    if (shape.distinct.size < MAX_DISTINCT) shape.distinct.add(text);
    else if (!shape.distinct.has(text)) shape.distinctOverflow = true;
  } else if (kind === "object") {
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      let property = shape.properties.get(key);
      if (property === undefined) {
        property = emptyShape();
        shape.properties.set(key, property);
      }
      observe(property, child);
    }
  } else if (kind === "array") {
    shape.items ??= emptyShape();
    for (const item of value as unknown[]) observe(shape.items, item);
  }
}

/** The kinds seen, with integer folded into number when both occur (a number that happened to be whole). */
export function mergedKinds(shape: Shape): JsonKind[] {
  const kinds = new Set(shape.kinds.keys());
  if (kinds.has("integer") && kinds.has("number")) kinds.delete("integer");
  return [...kinds].sort(compareKinds);
}

const KIND_ORDER: JsonKind[] = ["object", "array", "string", "integer", "number", "boolean", "null"];

function compareKinds(a: JsonKind, b: JsonKind): number {
  return KIND_ORDER.indexOf(a) - KIND_ORDER.indexOf(b);
}

/** How many objects were seen here (the denominator of "present in every event"). */
export function objectCount(shape: Shape): number {
  return shape.kinds.get("object") ?? 0;
}

export function sortedKeys<V>(map: ReadonlyMap<string, V>): string[] {
  return [...map.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
