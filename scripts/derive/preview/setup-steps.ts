/**
 * The Altcraft side of connecting a trigger, step by step, per locale: the setup guide's own steps
 * (derive/setup/text.ts, so the preview, the guides and the assistant say the same), with the step that
 * names this trigger's event as Altcraft lists it after the capture settings. Values are segments of
 * their own, so a value holding markup characters stays plain text.
 */
import type { Locale } from "../../model/manifest.js";
import { ALTCRAFT_STEPS } from "../setup/text.js";

export type Segment = { text: string } | { strong: string } | { code: string };

export interface StepValues {
  /** The event as Altcraft's list of hook events names it (the event type when the manifest has none). */
  altcraftName: string;
  eventType: string;
}

/** Where this trigger's own step goes: after "Capture settings". */
const AFTER_CAPTURE_SETTINGS = 3;

const THIS_EVENT: Record<Locale, (values: StepValues) => Segment[]> = {
  en: ({ altcraftName, eventType }) => [{ text: "For this trigger, tick " }, { strong: altcraftName }, { text: " under Actions (its event type is " }, { code: eventType }, { text: ")." }],
  ru: ({ altcraftName, eventType }) => [{ text: "Для этого триггера отметьте в разделе «Действия» " }, { strong: altcraftName }, { text: " (тип события " }, { code: eventType }, { text: ")." }],
};

export function setupSteps(locale: Locale, values: StepValues): Segment[][] {
  const steps: Segment[][] = ALTCRAFT_STEPS.map((step) => [{ text: step[locale] }]);
  steps.splice(AFTER_CAPTURE_SETTINGS + 1, 0, THIS_EVENT[locale](values));
  return steps;
}
