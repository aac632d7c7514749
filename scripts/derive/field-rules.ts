/**
 * The field rules of one trigger, from the field policy (connector/fields.yaml) and the trigger's own
 * `exclude`: what is left out, with why (the trigger's own reason wins over the policy's), and every
 * placed path's block and rank.
 */
import type { EventTypeInfo } from "../event-types.js";
import type { FieldPolicy } from "../model/connector.js";
import type { FieldRules } from "./fields.js";

export function fieldRules(policy: FieldPolicy, triggerExclude: Readonly<Record<string, string>>, info: EventTypeInfo | undefined): FieldRules {
  const exclude = new Map<string, { reason: string; by: "policy" | "trigger" }>();
  const policyExclusions = [
    ...policy.exclude,
    ...(info ? (policy.excludeFor.family[info.family] ?? []) : []),
    ...(info ? (policy.excludeFor.channel[info.channel] ?? []) : []),
  ];
  for (const { path, reason } of policyExclusions) exclude.set(path, { reason, by: "policy" });
  for (const [path, reason] of Object.entries(triggerExclude)) exclude.set(path, { reason, by: "trigger" });
  const place = new Map<string, { block: string; rank: number }>();
  for (const block of policy.blocks) for (const path of block.paths) place.set(path, { block: block.id, rank: place.size });
  return { exclude, place };
}
