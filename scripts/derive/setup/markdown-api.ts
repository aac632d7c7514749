/**
 * The guide's sections for the parts that call Altcraft's API: the authorization (settings, fields, the
 * connection test's request), the lists and the actions. Parameter rows, list items and error rules are
 * tables with a row each; error rules shared by several request widgets are listed once.
 */
import type { ErrorRule, Locale, Manifest } from "../../model/manifest.js";
import { anchor, cell, checkItem, code, entryTable, table, value } from "./markdown-text.js";
import type { ActionPlan, AuthorizationPlan, ListPlan } from "./plan-api.js";
import type { Entry, Step } from "./step.js";
import { LABELS, SECTIONS } from "./text.js";

const UI = {
  errorRules: { en: "Error rules", ru: "Правила ошибок" },
  errorRulesUsedBy: {
    en: "The Errors tab of every request widget below (the connection test, each dynamic list, each action) takes these rules.",
    ru: "Эти правила вводятся на вкладке Errors каждого виджета запроса ниже (проверка подключения, каждый динамический список, каждое действие).",
  },
  enterErrors: { en: "enter the error rules", ru: "введите правила ошибок" },
  conditions: { en: "Conditions (all must hold)", ru: "Условия (должны выполняться все)" },
  nothingToMap: { en: "content type `JSON`; nothing to map", ru: "тип содержимого `JSON`; сопоставлять нечего" },
  and: { en: " and ", ru: " и " },
} as const;

/** A step whose entries repeat in rows of `width` (parameters, items): one table row each. */
function rowsTable(step: Step, width: number, locale: Locale): string[] {
  const rows: string[][] = [];
  for (let index = 0; index < step.entries.length; index += width) {
    rows.push(step.entries.slice(index, index + width).map((entry) => value(entry, locale)));
  }
  return table(step.entries.slice(0, width).map((entry) => cell(entry.label[locale])), rows);
}

function errorsTable(errors: readonly ErrorRule[], locale: Locale): string[] {
  return table(
    [LABELS.errorType[locale], UI.conditions[locale], LABELS.errorMessage[locale]],
    errors.map((rule) => [
      code(rule.type),
      rule.all.map((condition) => `${code(condition.variable)} ${code(condition.operator)} ${code(condition.value)}`).join(UI.and[locale]),
      code(cell(rule.message)),
    ]),
  );
}

/** Where a request widget's Errors tab points: to the one shared table when its rules are those. */
function errorsItem(step: Step, rules: readonly ErrorRule[], shared: readonly ErrorRule[] | undefined, locale: Locale): string[] {
  if (shared && JSON.stringify(rules) === JSON.stringify(shared)) {
    return [checkItem(step.title[locale], `[${UI.enterErrors[locale]}](#${anchor(UI.errorRules[locale])})`), ""];
  }
  return [checkItem(step.title[locale]), "", ...errorsTable(rules, locale), ""];
}

/** The Request tab in one line, then its parameter rows. */
function requestItems([request, parameters]: Step[], locale: Locale): string[] {
  const line = request!.entries.map((entry: Entry) => `${entry.label[locale]}: ${value(entry, locale)}`).join(" · ");
  return [checkItem(request!.title[locale], line), "", checkItem(parameters!.title[locale]), "", ...rowsTable(parameters!, 3, locale), ""];
}

/** The error rules every request widget shares, if they all have the same; listed once before the lists. */
export function sharedErrorRules(manifest: Manifest): ErrorRule[] | undefined {
  const all = [
    ...(manifest.authorization.test ? [manifest.authorization.test.errors] : []),
    ...manifest.lists.flatMap((list) => (list.type === "dynamic" ? [list.errors] : [])),
    ...manifest.actions.map((action) => action.errors),
  ];
  if (all.length < 2) return undefined;
  const first = JSON.stringify(all[0]);
  return all.every((rules) => JSON.stringify(rules) === first) ? all[0] : undefined;
}

export function errorRulesSection(shared: readonly ErrorRule[], locale: Locale): string[] {
  return [`### ${UI.errorRules[locale]}`, "", UI.errorRulesUsedBy[locale], "", ...errorsTable(shared, locale), ""];
}

export function authorizationSection(plan: AuthorizationPlan, testErrors: readonly ErrorRule[] | undefined, shared: readonly ErrorRule[] | undefined, locale: Locale): string[] {
  const lines = [SECTIONS.authorization.intro[locale], "", checkItem(plan.settings.title[locale]), "", ...entryTable(plan.settings, locale), ""];
  for (const field of plan.fields) lines.push(checkItem(field.title[locale]), "", ...entryTable(field, locale), "");
  if (plan.test.length > 0 && testErrors) {
    lines.push(`### ${SECTIONS.authorization.test[locale]}`, "", ...requestItems(plan.test, locale), ...errorsItem(plan.test[2]!, testErrors, shared, locale));
  }
  return lines;
}

export function listSection(plan: ListPlan, number: string, shared: readonly ErrorRule[] | undefined, locale: Locale): string[] {
  const [create, ...rest] = plan.steps;
  const lines = [`#### ${number} ${plan.list.names[locale]} (${code(plan.list.code)})`, ""];
  if (plan.list.type === "dynamic" && plan.list.provisional) lines.push(`> ⚠️ ${SECTIONS.actions.provisional[locale]}`, "");
  lines.push(checkItem(create!.title[locale]), "", ...entryTable(create!, locale), "");
  if (plan.list.type === "static") {
    lines.push(checkItem(rest[0]!.title[locale]), "", ...rowsTable(rest[0]!, 3, locale), "");
    return lines;
  }
  const [request, parameters, response, errors] = rest;
  lines.push(...requestItems([request!, parameters!], locale));
  lines.push(checkItem(response!.title[locale]), "", ...entryTable(response!, locale), "", `_${response!.note![locale]}_`, "");
  lines.push(...errorsItem(errors!, plan.list.errors, shared, locale));
  return lines;
}

export function actionSection(plan: ActionPlan, number: string, shared: readonly ErrorRule[] | undefined, locale: Locale): string[] {
  const { action } = plan;
  const lines = [`#### ${number} ${action.names[locale]}`, ""];
  if (plan.create.note) lines.push(`> ⚠️ ${plan.create.note[locale]}`, "");
  lines.push(checkItem(SECTIONS.actions.create[locale], `(${code(action.code)})`), "", ...entryTable(plan.create, locale), "");
  lines.push(checkItem(SECTIONS.actions.fields(action.fields.length)[locale]), "");
  const fieldHeader = [LABELS.fieldCode, LABELS.nameIn.en, LABELS.nameIn.ru, LABELS.hintIn.en, LABELS.hintIn.ru, LABELS.fieldType, LABELS.list, LABELS.editableField, LABELS.requiredField];
  const byLabel = (step: Step, label: Entry["label"]) => {
    const entry = step.entries.find((candidate) => candidate.label === label);
    return entry ? value(entry, locale) : "";
  };
  lines.push(...table(fieldHeader.map((label) => label[locale]), plan.fields.map((step) => fieldHeader.map((label) => byLabel(step, label)))), "");
  const [request, parameters, response, errors] = plan.requests;
  lines.push(...requestItems([request!, parameters!], locale));
  if (action.responseFields.length === 0) lines.push(checkItem(response!.title[locale], UI.nothingToMap[locale]), "");
  else lines.push(checkItem(response!.title[locale]), "", ...rowsTable({ ...response!, entries: response!.entries.slice(1) }, 2, locale), "");
  lines.push(...errorsItem(errors!, action.errors, shared, locale));
  return lines;
}
