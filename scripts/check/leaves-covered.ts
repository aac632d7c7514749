/**
 * Every schema leaf is a field or deliberately excluded. A leaf the derivation cannot map (no type, nested
 * arrays, a property name Albato paths cannot express) must be fixed or excluded with a reason; a leaf the
 * field policy neither places nor excludes must be given a place (a block of connector/fields.yaml) or a
 * reason. Each is reported once, at the schema where the property is declared.
 */
import type { EventFields } from "../derive/fields.js";
import type { RuleProblem } from "./problem.js";

export function checkLeavesCovered(events: readonly EventFields[], policyFile: string): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const seen = new Set<string>();
  const once = (key: string): boolean => !seen.has(key) && seen.add(key) !== undefined;
  for (const event of events) {
    for (const leaf of event.unmappable) {
      if (!once(`${leaf.source.schema}#${leaf.source.pointer}`)) continue;
      problems.push({
        rule: "leavesCovered",
        place: { file: leaf.source.schema, pointer: leaf.source.pointer },
        message: `"${leaf.path}" cannot be an Albato field: ${leaf.reason}; fix the schema, or give the property "x-albato-exclude": "<why>" (or exclude it in ${policyFile})`,
      });
    }
    for (const leaf of event.unplaced) {
      if (!once(`unplaced ${leaf.path}`)) continue;
      problems.push({
        rule: "leavesCovered",
        place: { file: policyFile },
        message: `"${leaf.path}" (in ${leaf.source.schema}) is no field and not excluded: add it to a block, or to exclude with the reason it is no field`,
      });
    }
  }
  return problems;
}
