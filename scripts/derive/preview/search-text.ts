/**
 * What the preview's search looks through for one trigger: its names and descriptions in both languages,
 * its event type, its code (whole and as words: `emailLinkClicked` → `email Link Clicked`) and its group's
 * names. Matching happens in the page (search-script.ts); this only chooses the text.
 *
 * A description sentence that quotes another trigger's name is about that other trigger ("For the first
 * open only, use "Email opened (first time)".") and is left out, so that «впервые» finds the first-time
 * triggers and not every trigger that points to one.
 */
import { LOCALES, type Localized, type Manifest } from "../../model/manifest.js";

type Trigger = Manifest["triggers"][number];

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

export function searchText(trigger: Trigger, triggers: readonly Trigger[], groupNames: Localized): string {
  const inLocales = (text: Localized) => LOCALES.map((locale) => text[locale]);
  const otherNames = triggers.filter((other) => other.code !== trigger.code).flatMap((other) => inLocales(other.names));
  const descriptions = inLocales(trigger.descriptions).map((text) =>
    sentences(text)
      .filter((sentence) => !quotesAName(sentence, otherNames))
      .join(" "),
  );
  return [...inLocales(trigger.names), ...descriptions, trigger.eventType, trigger.code, codeWords(trigger.code), ...inLocales(groupNames)].join("\n");
}
