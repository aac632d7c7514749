/** Within a trigger, Albato identifies fields by code: two fields cannot share one. */
import type { RuleProblem } from "../problem.js";
import type { Constraint } from "./context.js";
import { lockPlace } from "./context.js";
import { schemaPath } from "../../derive/fields.js";

export const uniqueFieldCodes: Constraint = (manifest, context) => {
  const problems: RuleProblem[] = [];
  for (const trigger of manifest.triggers) {
    const pathOfCode = new Map<string, string>();
    for (const field of trigger.fields) {
      const other = pathOfCode.get(field.code);
      if (other === undefined) {
        pathOfCode.set(field.code, field.path);
        continue;
      }
      problems.push({
        rule: "uniqueFieldCodes",
        place: lockPlace(context, schemaPath(field.path)),
        message: `trigger "${trigger.code}": fields ${other} and ${field.path} share the code "${field.code}"; give one of them another code in the lock (only if it was never published)`,
      });
    }
  }
  return problems;
};
