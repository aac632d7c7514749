/**
 * Does a trigger's filter let an element through? Every condition must hold (the manifest's `all`), each
 * read from the element itself: "Data array return" hands the filter one element of the posted array at
 * a time (assumption `filter-per-element`).
 */
import { findAtPath } from "./mapping-path.js";
import type { PlannedTrigger } from "./plan.js";

export function filterMatches(trigger: PlannedTrigger, element: unknown): boolean {
  return trigger.conditions.every((condition) => {
    const found = findAtPath(element, condition.variable);
    return found.kind === "one" && condition.test(found.value);
  });
}
