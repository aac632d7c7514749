/** Trigger codes are ids in Albato and keys of the labels: two triggers cannot share one. */
import type { Constraint } from "./context.js";
import { triggerPlace } from "./context.js";
import { repeats } from "./repeats.js";

export const uniqueTriggerCodes: Constraint = (manifest, context) =>
  repeats(manifest.triggers, (trigger) => trigger.code).map(({ item: trigger, index, earlier }) => {
    const line = triggerPlace(context, earlier).line;
    return {
      rule: "uniqueTriggerCodes",
      place: triggerPlace(context, index),
      message: `trigger code "${trigger.code}" is already used${line === undefined ? "" : ` at line ${line}`}; give this trigger another code`,
    };
  });
