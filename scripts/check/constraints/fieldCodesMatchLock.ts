/**
 * Field codes are stable: every manifest field carries the code the lock recorded for its path (a new
 * path gets its new code), so a published code can never change behind the lock's back.
 */
import { schemaPath } from "../../derive/fields.js";
import type { RuleProblem } from "../problem.js";
import type { Constraint } from "./context.js";
import { lockPlace } from "./context.js";

export const fieldCodesMatchLock: Constraint = (manifest, context) => {
  const problems: RuleProblem[] = [];
  for (const trigger of manifest.triggers) {
    for (const field of trigger.fields) {
      const path = schemaPath(field.path);
      const recorded = context.lock.codes.get(path) ?? context.codes.get(path);
      if (recorded === field.code) continue;
      problems.push({
        rule: "fieldCodesMatchLock",
        place: lockPlace(context, path),
        message:
          recorded === undefined
            ? `trigger "${trigger.code}" field ${field.path} has code "${field.code}" but the lock has no entry for "${path}"`
            : `trigger "${trigger.code}" field ${field.path} has code "${field.code}", the lock says "${recorded}"; published codes cannot change`,
      });
    }
  }
  return problems;
};
