/** Provisional event types: wire names that are our inference; users must know before they publish. */
import type { Manifest } from "../model/manifest.js";
import type { RuleProblem } from "./problem.js";

export const EVENT_TYPES_FILE = "scripts/event-types.ts";

export function checkProvisionalTypes(manifest: Manifest): RuleProblem[] {
  const provisional = manifest.triggers.filter((trigger) => !trigger.eventTypeConfirmed);
  if (provisional.length === 0) return [];
  const list = provisional.map((trigger) => `${trigger.eventType} (${trigger.code})`).join(", ");
  return [
    {
      rule: "provisionalEventTypes",
      place: { file: EVENT_TYPES_FILE },
      message: `${provisional.length} provisional event type${provisional.length === 1 ? "" : "s"} (wire names not confirmed by Altcraft's documentation; the setup guide flags them): ${list}`,
    },
  ];
}
