/** Rules for whole triggers: removed, added, event type, filter, response, group, confirmation, labels. */
import type { Manifest, ManifestTrigger } from "../../../model/manifest.js";
import type { Change } from "../change.js";
import { canonicalJson, localizedChanges, quote, triggerTitle } from "./text.js";

export interface TriggerPair {
  before: ManifestTrigger;
  after: ManifestTrigger;
}

/** Triggers are the same entity when their code is the same: Albato keys a published trigger by it. */
export function pairTriggers(before: Manifest, after: Manifest): TriggerPair[] {
  const next = new Map(after.triggers.map((trigger) => [trigger.code, trigger]));
  return before.triggers.flatMap((trigger) => {
    const match = next.get(trigger.code);
    return match ? [{ before: trigger, after: match }] : [];
  });
}

export function triggerRemoved(before: Manifest, after: Manifest): Change[] {
  const codes = new Set(after.triggers.map((trigger) => trigger.code));
  return before.triggers
    .filter((trigger) => !codes.has(trigger.code))
    .map((trigger) => {
      const successor = after.triggers.find((candidate) => candidate.eventType === trigger.eventType);
      return {
        class: "trigger-removed",
        trigger: trigger.code,
        message:
          `trigger ${triggerTitle(trigger)} removed` +
          (successor ? `; trigger ${successor.code} now handles event type ${quote(trigger.eventType)}` : ""),
        impact:
          "Automations that already use it keep working with the old settings, but it can no longer be picked " +
          "for new automations; users must rebuild their automations on " +
          (successor ? `${quote(successor.names.en)} themselves.` : "another trigger themselves."),
      };
    });
}

export function triggerAdded(before: Manifest, after: Manifest): Change[] {
  const codes = new Set(before.triggers.map((trigger) => trigger.code));
  return after.triggers
    .filter((trigger) => !codes.has(trigger.code))
    .map((trigger) => ({
      class: "trigger-added",
      trigger: trigger.code,
      message: `trigger ${triggerTitle(trigger)} added for event type ${quote(trigger.eventType)}`,
      impact: "Users can pick it in new automations; existing automations are untouched.",
    }));
}

export function eventTypeChanged({ before, after }: TriggerPair): Change | undefined {
  if (before.eventType === after.eventType) return undefined;
  return {
    class: "event-type-changed",
    trigger: after.code,
    message: `event type ${quote(before.eventType)} → ${quote(after.eventType)}`,
    impact:
      "Albato replaces the trigger inside existing automations: they stop receiving " +
      `${quote(before.eventType)} events and start receiving ${quote(after.eventType)} events.`,
  };
}

export function filterChanged({ before, after }: TriggerPair): Change | undefined {
  // A filter that only follows a changed event type is reported once, as event-type-changed.
  const followed = canonicalJson(before.filter).split(quote(before.eventType)).join(quote(after.eventType));
  if (followed === canonicalJson(after.filter)) return undefined;
  return {
    class: "filter-changed",
    trigger: after.code,
    message: `filter ${canonicalJson(before.filter)} → ${canonicalJson(after.filter)}`,
    impact:
      "Albato replaces the filter inside existing automations: they start receiving a different set of " +
      "events (or none).",
  };
}

export function responseChanged({ before, after }: TriggerPair): Change | undefined {
  const a = canonicalJson({ model: before.model, response: before.response });
  const b = canonicalJson({ model: after.model, response: after.response });
  if (a === b) return undefined;
  return {
    class: "response-changed",
    trigger: after.code,
    message: `response settings ${a} → ${b}`,
    impact:
      "Albato parses Altcraft's requests differently inside existing automations; fields may come out " +
      "empty or events may not be found.",
  };
}

export function groupChanged({ before, after }: TriggerPair): Change | undefined {
  if (before.group === after.group) return undefined;
  return {
    class: "group-changed",
    trigger: after.code,
    message: `group ${quote(before.group)} → ${quote(after.group)}`,
    impact: "The trigger is listed under another group in the picker; existing automations are untouched.",
  };
}

export function eventTypeConfirmed({ before, after }: TriggerPair): Change | undefined {
  if (before.eventTypeConfirmed === after.eventTypeConfirmed) return undefined;
  const confirmed = after.eventTypeConfirmed;
  return {
    class: "event-type-confirmed",
    trigger: after.code,
    message: confirmed
      ? `event type ${quote(after.eventType)} is now confirmed (was provisional)`
      : `event type ${quote(after.eventType)} is marked provisional again`,
    impact: confirmed
      ? "Nothing changes for automations; the provisional warning disappears from names and docs."
      : "Nothing changes for automations; users are warned that the event's wire name is unconfirmed.",
  };
}

export function triggerLabelChanged({ before, after }: TriggerPair): Change[] {
  return (["names", "descriptions"] as const).flatMap((key) => {
    const changes = localizedChanges(before[key], after[key]);
    if (changes.length === 0) return [];
    return [
      {
        class: "trigger-label-changed",
        trigger: after.code,
        message: `${key === "names" ? "name" : "description"} changed (${changes.join("; ")})`,
        impact: "Albato updates the text inside existing automations; nothing else changes.",
      } satisfies Change,
    ];
  });
}
