/**
 * `--strict`: the properties an event carries that its schema does not declare. The build writes, next to
 * each type's ajv validator, a tree of the declared keys (derive/declared-keys.ts); walking it is all
 * strict mode adds, so no second, stricter validator has to be compiled per event type.
 */
import type { AjvError } from "./messages.js";
import { pointerSegment } from "./pointer.js";

/**
 * What strict mode knows about the value at one place in an event. `0`: nothing to check there or below
 * (a scalar, or an object whose keys are free and hold nothing declared).
 */
export type DeclaredNode = 0 | DeclaredObject;

export interface DeclaredObject {
  /** The declared properties of an object, each with what is known below it. */
  properties?: Record<string, DeclaredNode>;
  /** 1: keys outside `properties` are not reported (`x-open`, or `additionalProperties` rules them). */
  open?: 1;
  /** Every undeclared member's value (`additionalProperties` as a schema). */
  additionalProperties?: DeclaredNode;
  /** Every element of an array. */
  items?: DeclaredNode;
}

const hasOwn = Object.prototype.hasOwnProperty;

/** A schema path fragment of a property name, as ajv writes it. */
function schemaSegment(key: string): string {
  return encodeURIComponent(pointerSegment(key));
}

function walk(value: unknown, node: DeclaredNode, pointer: string, schemaPath: string, out: AjvError[]): void {
  if (node === 0 || typeof value !== "object" || value === null) return;
  if (Array.isArray(value)) {
    const items = node.items;
    if (items === undefined || items === 0) return;
    for (let index = 0; index < value.length; index++) walk(value[index], items, `${pointer}/${index}`, `${schemaPath}/items`, out);
    return;
  }
  const properties = node.properties;
  const additional = node.additionalProperties;
  if (properties === undefined && additional === undefined) return;
  const closed = properties !== undefined && node.open !== 1;
  let unknown: string[] | undefined;
  for (const key in value) {
    if (!hasOwn.call(value, key)) continue;
    const member = (value as Record<string, unknown>)[key];
    if (properties !== undefined && hasOwn.call(properties, key)) {
      const child = properties[key]!;
      if (child !== 0) walk(member, child, `${pointer}/${pointerSegment(key)}`, `${schemaPath}/properties/${schemaSegment(key)}`, out);
    } else if (additional !== undefined) {
      if (additional !== 0) walk(member, additional, `${pointer}/${pointerSegment(key)}`, `${schemaPath}/additionalProperties`, out);
    } else if (closed) {
      (unknown ??= []).push(key);
    }
  }
  // An object's own unknown keys come after those found inside its members, as ajv reported them.
  if (unknown === undefined) return;
  for (const key of unknown) {
    out.push({
      keyword: "unevaluatedProperties",
      instancePath: pointer,
      schemaPath: `${schemaPath}/unevaluatedProperties`,
      params: { unevaluatedProperty: key },
      message: "must NOT have unevaluated properties",
    });
  }
}

/**
 * One error per property the tree does not declare, in ajv's shape (keyword `unevaluatedProperties`,
 * the object's pointer and the property's name), so messages and pointers come out as for any other
 * schema problem. Depth first, in the event's key order: deterministic for the same event.
 */
export function undeclaredProperties(event: unknown, declared: DeclaredNode, schemaRoot = "#"): AjvError[] {
  const out: AjvError[] = [];
  walk(event, declared, "", schemaRoot, out);
  return out;
}
