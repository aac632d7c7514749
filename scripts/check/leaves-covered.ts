/**
 * Every schema leaf is a field or deliberately excluded: a leaf the derivation cannot map (no type,
 * nested arrays, a property name Albato paths cannot express) must be fixed or excluded with a reason.
 */
import type { EventFields } from "../derive/fields.js";
import type { RuleProblem } from "./problem.js";

export function checkLeavesCovered(events: readonly EventFields[]): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const seen = new Set<string>();
  for (const event of events) {
    for (const leaf of event.unmappable) {
      const key = `${leaf.source.schema}#${leaf.source.pointer}`;
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push({
        rule: "leavesCovered",
        place: { file: leaf.source.schema, pointer: leaf.source.pointer },
        message: `"${leaf.path}" cannot be an Albato field: ${leaf.reason}; fix the schema, or give the property "x-albato-exclude": "<why>" (or list it under the trigger's exclude in connector/triggers.yaml)`,
      });
    }
  }
  return problems;
}
