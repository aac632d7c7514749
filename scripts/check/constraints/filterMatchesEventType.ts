/** Each trigger's filter tests `data.event_type` equal to its own event type (the triggers share one URL). */
import type { RuleProblem } from "../problem.js";
import type { Constraint } from "./context.js";
import { triggerPlace } from "./context.js";

export const filterMatchesEventType: Constraint = (manifest, context) => {
  const problems: RuleProblem[] = [];
  manifest.triggers.forEach((trigger, index) => {
    const ok = trigger.filter.all.some(
      (condition) => condition.variable === "data.event_type" && condition.operator === "equal" && condition.value === trigger.eventType,
    );
    if (!ok) {
      problems.push({
        rule: "filterMatchesEventType",
        place: triggerPlace(context, index),
        message: `trigger "${trigger.code}": the filter must test data.event_type equal "${trigger.eventType}"`,
      });
    }
  });
  return problems;
};
