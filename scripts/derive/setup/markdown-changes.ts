/**
 * The change-only guide (`SETUP.changes.<locale>.md`), built with `--baseline`: only the steps that turn
 * the published version into this one, each with its values and what it does to existing automations.
 */
import { LOCALES, type Locale, type Manifest } from "../../model/manifest.js";
import type { ChangePlan } from "./changes.js";
import { entryTable, GENERATED } from "./markdown-text.js";
import { ruCount } from "./text.js";

const CHANGES_UI = {
  title: {
    en: (app: string, from: string, to: string) => `${app} for Albato: changes from ${from} to ${to}`,
    ru: (app: string, from: string, to: string) => `${app} для Albato: изменения с ${from} до ${to}`,
  },
  totals: {
    en: (steps: number, entries: number) => `**${steps} step${steps === 1 ? "" : "s"}, ${entries} form entr${entries === 1 ? "y" : "ies"}.**`,
    ru: (steps: number, entries: number) => `**${ruCount(steps, ["шаг", "шага", "шагов"])}, ${ruCount(entries, ["значение", "значения", "значений"])} для ввода.**`,
  },
  none: { en: "Nothing to change in the App Integrator.", ru: "В App Integrator ничего менять не нужно." },
  impact: { en: "Existing automations", ru: "Существующие связки" },
} as const;

/** The change-only guide (`SETUP.changes.<locale>.md`): the steps since the published baseline. */
export function renderChangesGuide(changes: ChangePlan, manifest: Manifest, locale: Locale): string {
  const lines = [
    `# ${CHANGES_UI.title[locale](manifest.app.names[locale], changes.baselineVersion, changes.version)}`,
    "",
    `_${GENERATED[locale]}_`,
    "",
    changes.intro[locale],
    "",
    CHANGES_UI.totals[locale](changes.steps.length, changes.entries),
    "",
  ];
  if (changes.steps.length === 0) lines.push(CHANGES_UI.none[locale], "");
  changes.steps.forEach((step, index) => {
    lines.push(`- [ ] **${index + 1}. ${step.title[locale]}** ${step.instruction[locale]}`, "");
    if (step.entries.length > 0) lines.push(...entryTable(step, locale), "");
    lines.push(`  _${CHANGES_UI.impact[locale]}:_ ${step.impact[locale]}`, "");
  });
  return lines.join("\n");
}

/** The change-only guide's file name. */
export function changesGuideFileName(locale: Locale): string {
  return `SETUP.changes.${locale}.md`;
}

export function renderChangesGuides(changes: ChangePlan, manifest: Manifest): Map<string, string> {
  return new Map(LOCALES.map((locale) => [changesGuideFileName(locale), renderChangesGuide(changes, manifest, locale)]));
}
