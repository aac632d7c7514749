/** Every field of a trigger for one element: its value after mapping and type conversion, and which came out empty. */
import { convertFound, isEmpty, type FieldValue } from "./convert.js";
import { findAtPath } from "./mapping-path.js";
import type { PlannedTrigger } from "./plan.js";

export interface FieldValues {
  /** By field code, in the trigger's field order. */
  fields: Record<string, FieldValue>;
  /** The codes of the fields that came out empty, in field order. */
  empty: string[];
}

export function fieldValues(trigger: PlannedTrigger, element: unknown): FieldValues {
  const entries: [string, FieldValue][] = [];
  const empty: string[] = [];
  for (const field of trigger.fields) {
    const value = convertFound(field, findAtPath(element, field.path));
    entries.push([field.code, value]);
    if (isEmpty(value)) empty.push(field.code);
  }
  // fromEntries defines each code as an own property, whatever the code (even "__proto__").
  return { fields: Object.fromEntries(entries), empty };
}
