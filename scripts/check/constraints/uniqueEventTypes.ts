/** Each event type has one trigger: two would both start on every event of that type. */
import type { RuleProblem } from "../problem.js";
import type { Constraint } from "./context.js";
import { triggerPlace } from "./context.js";

export const uniqueEventTypes: Constraint = (manifest, context) => {
  const problems: RuleProblem[] = [];
  const first = new Map<string, number>();
  manifest.triggers.forEach((trigger, index) => {
    const earlier = first.get(trigger.eventType);
    if (earlier === undefined) {
      first.set(trigger.eventType, index);
      return;
    }
    problems.push({
      rule: "uniqueEventTypes",
      place: triggerPlace(context, index),
      message: `event type "${trigger.eventType}" already has trigger "${manifest.triggers[earlier]!.code}"; one trigger per event type`,
    });
  });
  return problems;
};
