/**
 * What the setup is made of: steps (one thing to create or one tab to fill, ticked as a whole), each a
 * list of entries (one value to type, pick, tick or upload), and the helpers every part builds them with.
 */
import { LOCALES, type Localized } from "../../model/manifest.js";

/**
 * One value to enter: typed or pasted (`text`; an empty text means "leave the input empty"), picked from
 * a list (`choice`), ticked (`check`) or uploaded (`file`).
 */
export interface Entry {
  label: Localized;
  /** Exactly what to type or pick; per locale only where the value is itself a translation. */
  value: string | Localized;
  kind: "text" | "choice" | "check" | "file";
}

export interface Step {
  /** Stable across builds (`trigger:emailLinkClicked/field:eventDataLinkUrl`): the assistant keys its ticks on it. */
  id: string;
  title: Localized;
  entries: Entry[];
  /** A warning or remark shown with the step. */
  note?: Localized;
  /** For a field step: its block (the Markdown guide lists blocks once). */
  block?: string;
}

/** The size of the whole setup, as the guide and the assistant open with it. */
export interface Totals {
  triggers: number;
  /** Trigger fields. */
  fields: number;
  lists: number;
  actions: number;
  actionFields: number;
  /** Form entries: every value typed, picked, ticked or uploaded. */
  entries: number;
  /** An estimate of the typing time, in minutes: a range. */
  minutes: { low: number; high: number };
}

/** One text entry per locale: `Name in English`, then `Name in Russian`. */
export function localizedEntries(labels: { en: Localized; ru: Localized }, texts: Localized): Entry[] {
  return LOCALES.map((locale) => ({ label: labels[locale], value: texts[locale], kind: "text" as const }));
}


/** How many values a list of steps asks for. */
export function entryCount(steps: readonly Step[]): number {
  return steps.reduce((sum, step) => sum + step.entries.length, 0);
}
