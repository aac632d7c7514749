/** Each event type has one trigger: two would both start on every event of that type. */
import type { Constraint } from "./context.js";
import { triggerPlace } from "./context.js";
import { repeats } from "./repeats.js";

export const uniqueEventTypes: Constraint = (manifest, context) =>
  repeats(manifest.triggers, (trigger) => trigger.eventType).map(({ item: trigger, index, earlier }) => ({
    rule: "uniqueEventTypes",
    place: triggerPlace(context, index),
    message: `event type "${trigger.eventType}" already has trigger "${manifest.triggers[earlier]!.code}"; one trigger per event type`,
  }));
