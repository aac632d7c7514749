/**
 * Every text an Albato user or the setup guide shows exists, non-empty, in every locale: app,
 * authorization, connection fields, groups, field blocks, triggers (with Altcraft's own name of their
 * event) and every field of every trigger. Field labels are shared by path, so a
 * missing one is reported once, naming the first trigger that needs it.
 */
import type { Locale } from "../../model/manifest.js";
import { LOCALES } from "../../model/manifest.js";
import { schemaPath } from "../../derive/fields.js";
import type { RuleProblem } from "../problem.js";
import type { Constraint } from "./context.js";
import { labelPlace } from "./context.js";

export const labelsComplete: Constraint = (manifest, context) => {
  const problems: RuleProblem[] = [];
  const reported = new Set<string>();
  const require = (texts: Record<Locale, string>, key: string, what: string) => {
    for (const locale of LOCALES) {
      if (texts[locale]?.trim()) continue;
      const labels = context.connector.locales[locale];
      if (reported.has(`${locale} ${key}`)) continue;
      reported.add(`${locale} ${key}`);
      problems.push({ rule: "labelsComplete", place: labelPlace(labels, key), message: `missing label ${key} (${what})` });
    }
  };
  require(manifest.app.names, "app.name", "the app's name");
  require(manifest.app.descriptions, "app.description", "the app's description");
  require(manifest.authorization.names, "authorization.name", "the authorization's name");
  for (const field of manifest.connectionFields) {
    require(field.names, `connection.${field.code}.name`, `connection field "${field.code}"`);
    require(field.hints, `connection.${field.code}.hint`, `connection field "${field.code}"`);
  }
  for (const group of manifest.groups) require(group.names, `groups.${group.code}`, `group "${group.code}"`);
  for (const block of manifest.fieldBlocks) require(block.names, `blocks.${block.code}`, `field block "${block.code}"`);
  for (const trigger of manifest.triggers) {
    require(trigger.names, `triggers.${trigger.code}.name`, `trigger "${trigger.code}"`);
    require(trigger.descriptions, `triggers.${trigger.code}.description`, `trigger "${trigger.code}"`);
    require(trigger.altcraftNames, `triggers.${trigger.code}.altcraft`, `trigger "${trigger.code}": Altcraft's own name of the event`);
  }
  for (const trigger of manifest.triggers) {
    for (const field of trigger.fields) {
      require(field.names, `fields.${schemaPath(field.path)}`, `a field of trigger "${trigger.code}"`);
    }
  }
  return problems;
};
