/** Trigger codes are ids in Albato and keys of the labels: two triggers cannot share one. */
import type { RuleProblem } from "../problem.js";
import type { Constraint } from "./context.js";
import { triggerPlace } from "./context.js";

export const uniqueTriggerCodes: Constraint = (manifest, context) => {
  const problems: RuleProblem[] = [];
  const first = new Map<string, number>();
  manifest.triggers.forEach((trigger, index) => {
    const earlier = first.get(trigger.code);
    if (earlier === undefined) {
      first.set(trigger.code, index);
      return;
    }
    const line = triggerPlace(context, earlier).line;
    problems.push({
      rule: "uniqueTriggerCodes",
      place: triggerPlace(context, index),
      message: `trigger code "${trigger.code}" is already used${line === undefined ? "" : ` at line ${line}`}; give this trigger another code`,
    });
  });
  return problems;
};
