/**
 * Every text an Albato user reads on the API side exists, non-empty, in every locale: the authorization
 * fields' names and hints (under `connection`, beside the connection fields), every list's name and every static item's name, every action's name and
 * description, and every action field's name and hint. Action field labels are shared by field id, so a
 * missing one is reported once, naming the first action that needs it.
 */
import type { Locale } from "../../model/manifest.js";
import { LOCALES } from "../../model/manifest.js";
import type { RuleProblem } from "../problem.js";
import type { Constraint } from "./context.js";
import { labelPlace } from "./context.js";

export const actionLabelsComplete: Constraint = (manifest, context) => {
  const problems: RuleProblem[] = [];
  const reported = new Set<string>();
  const require = (texts: Record<Locale, string> | undefined, key: string, what: string) => {
    for (const locale of LOCALES) {
      if (texts?.[locale]?.trim()) continue;
      if (reported.has(`${locale} ${key}`)) continue;
      reported.add(`${locale} ${key}`);
      problems.push({ rule: "labelsComplete", place: labelPlace(context.connector.locales[locale], key), message: `missing label ${key} (${what})` });
    }
  };
  for (const field of manifest.authorization.fields) {
    require(field.names, `connection.${field.code}.name`, `authorization field "${field.code}"`);
    require(field.hints, `connection.${field.code}.hint`, `authorization field "${field.code}"`);
  }
  for (const list of manifest.lists) {
    require(list.names, `lists.${list.code}.name`, `list "${list.code}"`);
    if (list.type === "static") for (const item of list.items) require(item.names, `lists.${list.code}.items.${item.key}`, `an item of list "${list.code}"`);
  }
  manifest.actions.forEach((action, index) => {
    require(action.names, `actions.${action.code}.name`, `action "${action.code}"`);
    require(action.descriptions, `actions.${action.code}.description`, `action "${action.code}"`);
    const written = context.connector.actions[index];
    const ids = written?.code === action.code ? [...written.fields, ...written.response].map((field) => field.id) : [];
    action.fields.forEach((field, fieldIndex) => {
      const id = ids[fieldIndex] ?? field.code;
      require(field.names, `actionFields.${id}.name`, `a field of action "${action.code}"`);
      require(field.hints, `actionFields.${id}.hint`, `a field of action "${action.code}"`);
    });
  });
  return problems;
};
