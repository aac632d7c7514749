/**
 * The groups the preview's action picker shows, as an Albato user meets them: by what an action works on.
 * The manifest has no action groups, so the group is read from the Altcraft API method an action calls
 * (`request.source.method`, e.g. `profiles-segstatic-add`): of the prefixes it starts with, the longest
 * decides, so static segments (`profiles-segstatic-`) sit with subscriptions and not with profiles.
 * Keyed on the method and not the action's code, so "Add or update a profile and send a trigger
 * campaign" (`campaigns-triggers-import_and_start`) goes with the campaigns. An unknown method goes to
 * the last group.
 */
import type { Localized } from "../../model/manifest.js";

export interface ActionGroupRule {
  code: string;
  names: Localized;
  /** Method id prefixes; empty for the group that takes what no other group does. */
  prefixes: readonly string[];
}

/** In the order the picker shows them. */
export const ACTION_GROUPS: readonly ActionGroupRule[] = [
  { code: "profiles", names: { en: "Profiles", ru: "Профили" }, prefixes: ["profiles-"] },
  { code: "subscriptions", names: { en: "Subscriptions and segments", ru: "Подписки и сегменты" }, prefixes: ["subscriptions-", "profiles-segstatic-"] },
  { code: "campaigns", names: { en: "Campaigns and scenarios", ru: "Кампании и сценарии" }, prefixes: ["campaigns-", "workflows-"] },
  { code: "promocodes", names: { en: "Promo codes", ru: "Промокоды" }, prefixes: ["promocodes-"] },
  { code: "goals", names: { en: "Goals", ru: "Цели" }, prefixes: ["goals-"] },
  { code: "other", names: { en: "Other actions", ru: "Другие действия" }, prefixes: [] },
];

/** The group of an action calling this method. */
export function actionGroupOf(method: string): ActionGroupRule {
  let best: { rule: ActionGroupRule; length: number } | null = null;
  for (const rule of ACTION_GROUPS) {
    for (const prefix of rule.prefixes) {
      if (method.startsWith(prefix) && (!best || prefix.length > best.length)) best = { rule, length: prefix.length };
    }
  }
  return best?.rule ?? ACTION_GROUPS.at(-1)!;
}
