/**
 * The setup guide (Markdown, one per locale), generated from the manifest alone: for each App Integrator
 * screen in order, the exact values to enter, then the Altcraft side (Integrations → Event capture).
 */
import type { Locale, Localized, Manifest, ManifestField, ManifestTrigger } from "../model/manifest.js";
import { LOCALES } from "../model/manifest.js";
import type { GuideText } from "./guide-text.js";
import { GUIDE_TEXT } from "./guide-text.js";

/** The guide's file name (in dist/ and in the package). */
export function guideFileName(locale: Locale): string {
  return `SETUP.${locale}.md`;
}

/** Text safe inside a Markdown table cell (no pipes or line breaks). */
function cell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");
}

function code(text: string): string {
  return text === "" ? "" : `\`${text}\``;
}

function table(header: string[], rows: string[][]): string[] {
  return [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...rows.map((row) => `| ${row.join(" | ")} |`)];
}

/** Rows "Name in English", "Name in Russian" … for a localized text. */
function localizedRows(labels: Record<Locale, string>, texts: Localized): string[][] {
  return LOCALES.map((locale) => [labels[locale], cell(texts[locale])]);
}

/** GitHub-style heading anchor, so the contents can link to sections. */
function anchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, "")
    .trim()
    .replace(/\s/g, "-");
}

function fieldType(field: ManifestField, text: GuideText): string {
  return field.dateTimeFormat ? `${field.type} (${text.triggers.dateTimeGear})` : field.type;
}

function triggerSection(trigger: ManifestTrigger, manifest: Manifest, locale: Locale, text: GuideText, number: string): string[] {
  const t = text.triggers;
  const groupName = manifest.groups.find((group) => group.code === trigger.group)?.names[locale] ?? trigger.group;
  const lines = [`#### ${number} ${trigger.names[locale]}`, ""];
  if (!trigger.eventTypeConfirmed) lines.push(`> ⚠️ ${t.provisional(trigger.eventType)}`, "");
  lines.push(
    ...table(
      [text.setting, text.value],
      [
        [t.code, code(trigger.code)],
        [t.model, t.modelValue],
        ...localizedRows(text.nameIn, trigger.names),
        ...localizedRows(text.descriptionIn, trigger.descriptions),
        [t.groupRow, cell(groupName)],
        [t.eventType, code(trigger.eventType)],
        [t.filter, trigger.filter.all.map((condition) => `\`${condition.variable}\` **${condition.operator}** \`${condition.value}\``).join(", ")],
        [t.response, t.responseValue],
      ],
    ),
    "",
    `${t.fields(trigger.fields.length)}:`,
    "",
    ...table(
      [t.fieldCode, text.nameIn.en, text.nameIn.ru, t.fieldType, t.mapping],
      trigger.fields.map((field) => [code(field.code), cell(field.names.en), cell(field.names.ru), fieldType(field, text), code(field.path)]),
    ),
    "",
  );
  return lines;
}

export function renderGuide(manifest: Manifest, locale: Locale): string {
  const text = GUIDE_TEXT[locale];
  const { app } = manifest;
  const headings = [
    text.appCard.heading,
    text.authorization.heading,
    text.connection.heading,
    text.triggers.heading(manifest.triggers.length),
    text.altcraft.heading,
  ].map((heading, index) => `${index + 1}. ${heading}`);
  const lines: string[] = [
    `# ${text.title(app.names[locale], app.version)}`,
    "",
    `_${text.generated}_`,
    "",
    text.intro,
    "",
    `**${text.contents}**`,
    "",
    ...headings.map((heading) => `- [${heading}](#${anchor(heading)})`),
    "",
    `## ${headings[0]}`,
    "",
    text.appCard.intro,
    "",
    ...table(
      [text.setting, text.value],
      [
        ...localizedRows(text.nameIn, app.names),
        ...localizedRows(text.descriptionIn, app.descriptions),
        [text.appCard.website, app.website],
        [text.appCard.docs, app.docsUrl],
        [text.appCard.logo, text.appCard.logoValue],
        [text.appCard.categories, app.categories.map(cell).join(", ")],
      ],
    ),
    "",
    `## ${headings[1]}`,
    "",
    text.authorization.intro(manifest.authorization.type === "none"),
    "",
    ...table(
      [text.setting, text.value],
      [...localizedRows(text.nameIn, manifest.authorization.names), [text.authorization.type, text.authorization.typeValue(manifest.authorization.type)]],
    ),
    "",
    `## ${headings[2]}`,
    "",
    text.connection.intro,
    "",
  ];
  manifest.connectionFields.forEach((field, index) => {
    lines.push(
      `### 3.${index + 1} ${field.names[locale]}`,
      "",
      ...table(
        [text.setting, text.value],
        [
          [text.connection.code, code(field.code)],
          [text.connection.type, `**${field.type}**`],
          ...localizedRows(text.nameIn, field.names),
          ...localizedRows(text.hintIn, field.hints),
          [text.connection.requiredWhenCreating, field.requiredWhenCreating ? text.yes : text.no],
          [text.connection.requiredWhenEditing, field.requiredWhenEditing ? text.yes : text.no],
        ],
      ),
      "",
    );
  });
  lines.push(text.connection.webhookNote, "", `## ${headings[3]}`, "", text.triggers.intro, "");
  text.triggers.steps.forEach((step, index) => lines.push(`${index + 1}. ${step}`));
  lines.push("", text.triggers.arrayNote, "");
  manifest.groups.forEach((group, groupIndex) => {
    const triggers = manifest.triggers.filter((trigger) => trigger.group === group.code);
    if (triggers.length === 0) return;
    lines.push(`### 4.${groupIndex + 1} ${text.triggers.group(group.names[locale])}`, "");
    triggers.forEach((trigger, index) => {
      lines.push(...triggerSection(trigger, manifest, locale, text, `4.${groupIndex + 1}.${index + 1}`));
    });
  });
  const webhook = manifest.connectionFields.find((field) => field.type === "Webhook");
  lines.push(`## ${headings[4]}`, "", text.altcraft.intro, "");
  text.altcraft.steps(webhook?.names[locale] ?? "Webhook").forEach((step, index) => lines.push(`${index + 1}. ${step}`));
  lines.push(
    "",
    `### ${text.altcraft.eventsHeading}`,
    "",
    ...table(
      [text.altcraft.eventType, text.altcraft.trigger],
      manifest.triggers.map((trigger) => [
        `${code(trigger.eventType)}${trigger.eventTypeConfirmed ? "" : ` ⚠️ ${text.altcraft.provisionalMark}`}`,
        cell(trigger.names[locale]),
      ]),
    ),
    "",
    text.altcraft.batchNote,
    "",
    text.altcraft.finish,
    "",
  );
  return lines.join("\n");
}

/** Both guides, by file name. */
export function renderGuides(manifest: Manifest): Map<string, string> {
  return new Map(LOCALES.map((locale) => [guideFileName(locale), renderGuide(manifest, locale)]));
}
