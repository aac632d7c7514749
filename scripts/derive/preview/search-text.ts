/**
 * What the preview's search looks through for one trigger: its names and descriptions in both languages,
 * its event type, its code (whole and as words: `emailLinkClicked` → `email Link Clicked`) and its group's
 * names; for one action: its names and descriptions, its code and its words, and the Altcraft API method
 * it calls (`profiles-segstatic-add`). An action's group is left out: a group such as "Subscriptions and
 * segments" would make «сегмент» find the subscription action too. Matching happens in the page
 * (search-script.ts); this only chooses the text.
 *
 * A description sentence that quotes another item's name is about that other item ("For the first
 * open only, use "Email opened (first time)".") and is left out, so that «впервые» finds the first-time
 * triggers and not every trigger that points to one.
 */
import { LOCALES, type Localized, type Manifest } from "../../model/manifest.js";

type Trigger = Manifest["triggers"][number];
type Action = Manifest["actions"][number];

interface Described {
  code: string;
  names: Localized;
  descriptions: Localized;
}

const QUOTE_OPENERS = ['"', "“", "„", "«", "‘", "'"];

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?…])\s+/);
}

function quotesAName(sentence: string, names: readonly string[]): boolean {
  return names.some((name) => QUOTE_OPENERS.some((opener) => sentence.includes(opener + name)));
}

/** The words of a camelCase code, so that "clicked" finds `emailLinkClicked`. */
export function codeWords(code: string): string {
  return code.replace(/([a-z0-9])([A-Z])/g, "$1 $2");
}

const inLocales = (text: Localized) => LOCALES.map((locale) => text[locale]);

/** The names and descriptions, less the sentences that quote another item's name. */
function ownWords(item: Described, items: readonly Described[]): string[] {
  const otherNames = items.filter((other) => other.code !== item.code).flatMap((other) => inLocales(other.names));
  const descriptions = inLocales(item.descriptions).map((text) =>
    sentences(text)
      .filter((sentence) => !quotesAName(sentence, otherNames))
      .join(" "),
  );
  return [...inLocales(item.names), ...descriptions];
}

export function searchText(trigger: Trigger, triggers: readonly Trigger[], groupNames: Localized): string {
  return [...ownWords(trigger, triggers), trigger.eventType, trigger.code, codeWords(trigger.code), ...inLocales(groupNames)].join("\n");
}

export function actionSearchText(action: Action, actions: readonly Action[]): string {
  return [...ownWords(action, actions), action.code, codeWords(action.code), action.request.source.method].join("\n");
}
