/**
 * The setup guide in Markdown, one per locale (`SETUP.<locale>.md`), rendered from the setup plan: the
 * totals, then every App Integrator screen in order as a checklist, with each field block listed once
 * (a trigger names the blocks it takes) and shared error rules once, then the Altcraft side and the
 * check before publishing.
 */
import { LOCALES, type Locale, type Localized, type Manifest } from "../../model/manifest.js";
import { blockLayout, type BlockVariant } from "./blocks.js";
import { actionSection, authorizationSection, errorRulesSection, listSection, sharedErrorRules } from "./markdown-api.js";
import { anchor, cell, code, entryTable, GENERATED, table, value } from "./markdown-text.js";
import type { SetupPlan, TriggerPlan } from "./plan.js";
import { ALTCRAFT_STEPS, ASSUMPTION_CHECKS, CHECK_STEPS, guideTitle, LABELS, OPEN_QUESTIONS, SECTIONS, totalsLine } from "./text.js";

const UI = {
  copyExactly: {
    en: "Values in `code font` are to be copied exactly as written.",
    ru: "Значения, набранные `моноширинным шрифтом`, копируйте точно как написано.",
  },
  contents: { en: "Contents", ru: "Содержание" },
  fieldsOf: { en: "Fields, in this order", ru: "Поля в этом порядке" },
  field: { en: "Field", ru: "Поле" },
  eventType: { en: "Altcraft event type", ru: "Тип события Altcraft" },
  trigger: { en: "Albato trigger", ru: "Триггер Albato" },
  altcraftName: { en: "In Altcraft", ru: "В Altcraft" },
  provisional: { en: "provisional", ru: "предварительный" },
} as const;

function variantTable(variant: BlockVariant, locale: Locale): string[] {
  const gear = (field: BlockVariant["fields"][number]): string => {
    const parts: string[] = [];
    if (field.dateTimeFormat) parts.push(`${field.dateTimeFormat.format}, ${field.dateTimeFormat.timeZone}`);
    if (field.separator !== undefined) parts.push(`${LABELS.separator[locale].replace(/^.*: /, "")} ${code(field.separator)}`);
    if (field.type === "Phone" || field.type === "PhoneArray") parts.push("E.164");
    return parts.length === 0 ? "" : ` (${parts.join("; ")})`;
  };
  return table(
    [LABELS.fieldCode[locale], LABELS.nameIn.en[locale], LABELS.nameIn.ru[locale], LABELS.fieldType[locale], LABELS.mapping[locale]],
    variant.fields.map((field) => [code(field.code), cell(field.names.en), cell(field.names.ru), `${code(field.type)}${gear(field)}`, code(field.path)]),
  );
}

function triggerSection(plan: TriggerPlan, number: string, variants: Map<string, BlockVariant>, layout: string[], locale: Locale): string[] {
  const { trigger } = plan;
  const lines = [`#### ${number} ${trigger.names[locale]} · ${SECTIONS.triggers.wave(plan.wave)[locale]}`, ""];
  if (plan.create.note) lines.push(`> ⚠️ ${plan.create.note[locale]}`, "");
  lines.push(`- [ ] **${SECTIONS.triggers.create[locale]}** (${LABELS.triggerCode[locale]} ${code(trigger.code)})`, "", ...entryTable(plan.create, locale), "");
  lines.push(`- [ ] **${plan.response.title[locale]}**: ${plan.response.entries.map((entry) => `${entry.label[locale]}: ${value(entry, locale)}`).join(" · ")}`, "");
  const blocks = layout.map((id) => {
    const variant = variants.get(id)!;
    return `[${variant.names[locale]}](#${anchor(variant.names[locale])}) (${variant.fields.length})`;
  });
  lines.push(`- [ ] **${SECTIONS.triggers.fields(trigger.fields.length)[locale]}**: ${blocks.join(" → ")}`, "");
  lines.push(`- [ ] **${plan.filter.title[locale]}**: ${plan.filter.entries.map((entry) => value(entry, locale)).join(" ")}`, "");
  return lines;
}

function altcraftSection(manifest: Manifest, locale: Locale): string[] {
  const lines = [SECTIONS.altcraft.intro[locale], ""];
  ALTCRAFT_STEPS.forEach((step, index) => lines.push(`${index + 1}. ${step[locale]}`));
  lines.push("", `### ${SECTIONS.altcraft.eventsTitle[locale]}`, "", SECTIONS.altcraft.eventsNote[locale], "");
  lines.push(
    ...table(
      [UI.altcraftName[locale], UI.eventType[locale], UI.trigger[locale]],
      manifest.triggers.map((trigger) => [
        cell(trigger.altcraftNames[locale]),
        `${code(trigger.eventType)}${trigger.eventTypeConfirmed ? "" : ` ⚠️ ${UI.provisional[locale]}`}`,
        cell(trigger.names[locale]),
      ]),
    ),
    "",
  );
  return lines;
}

function checkSection(locale: Locale): string[] {
  const lines = [SECTIONS.check.intro[locale], ""];
  CHECK_STEPS.forEach((step) => lines.push(`- [ ] ${step[locale]}`));
  lines.push("", `### ${SECTIONS.check.assumptionsTitle[locale]}`, "");
  for (const assumption of ASSUMPTION_CHECKS) {
    lines.push(`- [ ] **${assumption.id}**: ${assumption.text[locale]} _${SECTIONS.check.checkHow[locale]}_ ${assumption.check[locale]}`);
  }
  lines.push("", `### ${SECTIONS.check.questionsTitle[locale]}`, "");
  OPEN_QUESTIONS.forEach((question) => lines.push(`- [ ] ${question[locale]}`));
  lines.push("");
  return lines;
}

export function renderSetupGuide(plan: SetupPlan, locale: Locale): string {
  const { manifest } = plan;
  const layout = blockLayout(manifest);
  const blockOrder = manifest.fieldBlocks.map((block) => block.code);
  const variants = [...layout.variants].sort((a, b) => blockOrder.indexOf(a.block) - blockOrder.indexOf(b.block));
  const byId = new Map(variants.map((variant) => [variant.id, variant]));
  const shared = sharedErrorRules(manifest);
  const headings: Localized[] = [
    SECTIONS.app.title,
    SECTIONS.authorization.title,
    SECTIONS.connection.title,
    SECTIONS.blocks.title,
    SECTIONS.triggers.title,
    SECTIONS.lists.title,
    SECTIONS.actions.title,
    SECTIONS.altcraft.title,
    SECTIONS.check.title,
  ];
  const numbered = headings.map((heading, index) => `${index + 1}. ${heading[locale]}`);
  const lines: string[] = [
    `# ${guideTitle(manifest.app.names[locale], manifest.app.version, locale)}`,
    "",
    `_${GENERATED[locale]}_`,
    "",
    `**${totalsLine(plan.totals)[locale]}.**`,
    "",
    UI.copyExactly[locale],
    "",
    `**${UI.contents[locale]}**`,
    "",
    ...numbered.map((heading) => `- [${heading}](#${anchor(heading)})`),
    "",
    `## ${numbered[0]}`,
    "",
    SECTIONS.app.intro[locale],
    "",
    `- [ ] **${plan.app.title[locale]}**`,
    "",
    ...entryTable(plan.app, locale),
    "",
    `## ${numbered[1]}`,
    "",
    ...authorizationSection(plan.authorization, manifest.authorization.test?.errors, shared, locale),
    `## ${numbered[2]}`,
    "",
    SECTIONS.connection.intro[locale],
    "",
  ];
  for (const step of plan.connection) lines.push(`- [ ] **${step.title[locale]}**`, "", ...entryTable(step, locale), "");
  lines.push(`## ${numbered[3]}`, "", SECTIONS.blocks.intro[locale], "", SECTIONS.triggers.arrayNote[locale], "");
  for (const variant of variants) {
    lines.push(`### ${variant.names[locale]}`, "", `_${SECTIONS.blocks.usedBy(variant.triggers.length)[locale]}_`, "", ...variantTable(variant, locale), "");
  }
  lines.push(`## ${numbered[4]}`, "", SECTIONS.triggers.intro[locale], "");
  const waves: Array<1 | 2> = [1, 2];
  for (const wave of waves) {
    const triggers = plan.triggers.filter((trigger) => trigger.wave === wave);
    if (triggers.length === 0) continue;
    const title = SECTIONS.triggers.wave(wave)[locale];
    lines.push(`### 5.${wave} ${title.charAt(0).toUpperCase()}${title.slice(1)} (${triggers.length})`, "", (wave === 1 ? SECTIONS.triggers.firstWave : SECTIONS.triggers.secondWave)[locale], "");
    triggers.forEach((trigger, index) => lines.push(...triggerSection(trigger, `5.${wave}.${index + 1}`, byId, layout.byTrigger.get(trigger.trigger.code) ?? [], locale)));
  }
  lines.push(`## ${numbered[5]}`, "", SECTIONS.lists.intro[locale], "", SECTIONS.requests.variables[locale], "");
  if (shared) lines.push(...errorRulesSection(shared, locale));
  plan.lists.forEach((list, index) => lines.push(...listSection(list, `6.${index + 1}`, shared, locale)));
  lines.push(`## ${numbered[6]}`, "", SECTIONS.actions.intro[locale], "");
  plan.actions.forEach((action, index) => lines.push(...actionSection(action, `7.${index + 1}`, shared, locale)));
  lines.push(`## ${numbered[7]}`, "", ...altcraftSection(manifest, locale), `## ${numbered[8]}`, "", ...checkSection(locale));
  return lines.join("\n");
}

/** The guide's file name (in dist/ and in the package). */
export function guideFileName(locale: Locale): string {
  return `SETUP.${locale}.md`;
}

/** Both guides, by file name. */
export function renderSetupGuides(plan: SetupPlan): Map<string, string> {
  return new Map(LOCALES.map((locale) => [guideFileName(locale), renderSetupGuide(plan, locale)]));
}
