/**
 * Action field codes are stable: every field of every action carries the code the lock recorded for its
 * key `action:<action>/<field id>` (a new field gets its new code), so a published code can never change
 * behind the lock's back.
 */
import { actionFieldKey } from "../../load/lock.js";
import type { RuleProblem } from "../problem.js";
import type { Constraint } from "./context.js";
import { actionPlace, lockPlace } from "./context.js";

export const actionFieldCodesMatchLock: Constraint = (manifest, context) => {
  const problems: RuleProblem[] = [];
  manifest.actions.forEach((action, index) => {
    const written = context.connector.actions[index];
    if (written?.code !== action.code) {
      problems.push({ rule: "fieldCodesMatchLock", place: actionPlace(context, index), message: `action "${action.code}" is not the action defined at this place ("${written?.code ?? "none"}")` });
      return;
    }
    const ids = [...written.fields, ...written.response].map((field) => field.id);
    if (ids.length !== action.fields.length) {
      problems.push({ rule: "fieldCodesMatchLock", place: actionPlace(context, index), message: `action "${action.code}" has ${action.fields.length} fields, its definition ${ids.length}` });
      return;
    }
    action.fields.forEach((field, fieldIndex) => {
      const key = actionFieldKey(action.code, ids[fieldIndex]!);
      const recorded = context.lock.codes.get(key) ?? context.codes.get(key);
      if (recorded === field.code) return;
      problems.push({
        rule: "fieldCodesMatchLock",
        place: lockPlace(context, key),
        message:
          recorded === undefined
            ? `action "${action.code}" field "${ids[fieldIndex]}" has code "${field.code}" but the lock has no entry "${key}"`
            : `action "${action.code}" field "${ids[fieldIndex]}" has code "${field.code}", the lock says "${recorded}"; published codes cannot change`,
      });
    });
  });
  return problems;
};
