/**
 * The Altcraft API side of the manifest: the authorization (the token field and the connection test),
 * the lists and the actions, from the loaded connector and the frozen action field codes. Labels come
 * from the locale files by stable id; a missing one is left empty and reported by actionLabelsComplete.
 */
import { apiMethod, LIST_PAGING, provisionalReasons } from "../api-methods.js";
import { actionFieldKey } from "../load/lock.js";
import { fieldTemplate } from "../load/template.js";
import type { ConnectorAction, ConnectorDefinition, ConnectorList, LocaleLabels } from "../model/connector.js";
import type { ActionField, Locale, Localized, ManifestAction, ManifestAuthorization, ManifestList, ParameterRow } from "../model/manifest.js";
import { LOCALES } from "../model/manifest.js";
import { deriveRequest, errorRules, manifestRow, NO_FIELDS, type FieldLookup } from "./api-request.js";

function localized(connector: ConnectorDefinition, pick: (labels: LocaleLabels) => string | undefined): Localized {
  const result = {} as Record<Locale, string>;
  for (const locale of LOCALES) result[locale] = pick(connector.locales[locale]) ?? "";
  return result;
}

/** Every action field's lock key, in definition order: what the lock must hold a code for. */
export function actionFieldKeys(connector: ConnectorDefinition): string[] {
  return connector.actions.flatMap((action) => [...action.fields, ...action.response].map((field) => actionFieldKey(action.code, field.id)));
}

export function deriveAuthorization(connector: ConnectorDefinition): ManifestAuthorization {
  const { authorization } = connector;
  const rows = authorization.test.rows.map((row) => manifestRow(row, NO_FIELDS));
  return {
    type: authorization.type,
    names: localized(connector, (labels) => labels.authorization?.name),
    fields: authorization.fields.map((field) => ({
      code: field.code,
      type: field.type,
      names: localized(connector, (labels) => labels.connection[field.code]?.name),
      hints: localized(connector, (labels) => labels.connection[field.code]?.hint),
      required: field.required,
      editable: field.editable,
    })),
    test: { request: deriveRequest(authorization.test.method, connector.api, rows), errors: errorRules() },
  };
}

function deriveList(connector: ConnectorDefinition, list: ConnectorList): ManifestList {
  const names = localized(connector, (labels) => labels.lists?.[list.code]?.name);
  if (list.type === "static") {
    return {
      code: list.code,
      type: "static",
      names,
      items: list.items.map((item) => ({ key: item.key, names: localized(connector, (labels) => labels.lists?.[list.code]?.items[item.key]) })),
    };
  }
  const info = apiMethod(list.request.method);
  return {
    code: list.code,
    type: "dynamic",
    names,
    provisional: info ? provisionalReasons(info, true).length > 0 : true,
    request: deriveRequest(list.request.method, connector.api, list.request.rows.map((row) => manifestRow(row, NO_FIELDS))),
    response: { arrayPath: `data.${list.items.path}`, key: list.items.key, name: list.items.name },
    paging: { parameter: LIST_PAGING.cursorParameter, next: `data.${LIST_PAGING.nextCursorKey}` },
    errors: errorRules(),
  };
}

export function deriveLists(connector: ConnectorDefinition): ManifestList[] {
  return connector.lists.map((list) => deriveList(connector, list));
}

function deriveAction(connector: ConnectorDefinition, action: ConnectorAction, codes: ReadonlyMap<string, string>): ManifestAction {
  const codeOf = (id: string): string => codes.get(actionFieldKey(action.code, id)) ?? id;
  const lookup: FieldLookup = { code: codeOf, type: (id) => action.fields.find((field) => field.id === id)?.type };
  const label = (id: string, key: "name" | "hint") => localized(connector, (labels) => labels.actionFields?.[id]?.[key]);
  const inputs = action.fields.map((field): ActionField => ({
    code: codeOf(field.id),
    names: label(field.id, "name"),
    hints: label(field.id, "hint"),
    type: field.type,
    ...(field.list !== undefined ? { list: field.list } : {}),
    required: field.required,
    editable: true,
  }));
  const outputs = action.response.map((field): ActionField => ({
    code: codeOf(field.id),
    names: label(field.id, "name"),
    hints: label(field.id, "hint"),
    type: field.type,
    required: false,
    editable: false,
  }));
  const fieldRows = action.fields.flatMap((field) =>
    field.to.map((key): ParameterRow => ({ key, value: fieldTemplate(codeOf(field.id)), type: field.type })),
  );
  const rows = [...fieldRows, ...action.request.rows.map((row) => manifestRow(row, lookup))];
  const info = apiMethod(action.request.method);
  return {
    code: action.code,
    names: localized(connector, (labels) => labels.actions?.[action.code]?.name),
    descriptions: localized(connector, (labels) => labels.actions?.[action.code]?.description),
    provisional: info ? provisionalReasons(info, action.response.length > 0).length > 0 : true,
    fields: [...inputs, ...outputs],
    request: deriveRequest(action.request.method, connector.api, rows),
    responseFields: action.response.map((field) => ({ key: `data.${field.from}`, field: codeOf(field.id) })),
    errors: errorRules(),
  };
}

export function deriveActions(connector: ConnectorDefinition, codes: ReadonlyMap<string, string>): ManifestAction[] {
  return connector.actions.map((action) => deriveAction(connector, action, codes));
}
