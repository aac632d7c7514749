/**
 * The steps of the parts of the app that call Altcraft's API: the authorization (settings, fields, the
 * connection test's request), the lists and the actions. Each request widget takes the same steps: the
 * Request tab, its parameters, the Response tab where something is read from the answer, the Errors tab.
 */
import type { ErrorRule, ManifestAction, ManifestList, ManifestRequest, Manifest } from "../../model/manifest.js";
import { localizedEntries, type Entry, type Step } from "./step.js";
import { LABELS, SECTIONS, WORDS, yesNo } from "./text.js";

/** The Request tab (method, URL, content type) and its parameter rows, as two steps. */
export function requestSteps(prefix: string, request: ManifestRequest): Step[] {
  return [
    {
      id: `${prefix}/request`,
      title: SECTIONS.requests.request,
      entries: [
        { label: LABELS.method, value: request.method, kind: "choice" },
        { label: LABELS.url, value: request.url, kind: "text" },
        { label: LABELS.contentType, value: request.contentType, kind: "choice" },
      ],
    },
    {
      id: `${prefix}/parameters`,
      title: SECTIONS.requests.parameters,
      entries: request.parameters.flatMap((row): Entry[] => [
        { label: LABELS.parameterKey, value: row.key, kind: "text" },
        { label: LABELS.parameterValue, value: row.value, kind: "text" },
        { label: LABELS.parameterType, value: row.type, kind: "choice" },
      ]),
    },
  ];
}

/** The Errors tab: one block per rule, its conditions, its message. */
export function errorsStep(prefix: string, errors: readonly ErrorRule[]): Step {
  return {
    id: `${prefix}/errors`,
    title: SECTIONS.requests.errors,
    entries: errors.flatMap((rule): Entry[] => [
      { label: LABELS.errorType, value: rule.type, kind: "choice" },
      ...rule.all.flatMap((condition): Entry[] => [
        { label: LABELS.conditionVariable, value: condition.variable, kind: "text" },
        { label: LABELS.conditionOperator, value: condition.operator, kind: "choice" },
        { label: LABELS.conditionValue, value: condition.value, kind: "text" },
      ]),
      { label: LABELS.errorMessage, value: rule.message, kind: "text" },
    ]),
  };
}

export interface AuthorizationPlan {
  settings: Step;
  fields: Step[];
  /** The connection test's request widget, when there is one. */
  test: Step[];
}

export function authorizationPlan(manifest: Manifest): AuthorizationPlan {
  const { authorization } = manifest;
  const none = authorization.type === "none";
  return {
    settings: {
      id: "authorization",
      title: SECTIONS.authorization.title,
      entries: [
        ...localizedEntries(LABELS.nameIn, authorization.names),
        { label: LABELS.authorizationType, value: none ? WORDS.noAuthorization : WORDS.custom, kind: "choice" },
      ],
    },
    fields: authorization.fields.map((field) => ({
      id: `authorization/field:${field.code}`,
      title: field.names,
      entries: [
        { label: LABELS.fieldCode, value: field.code, kind: "text" },
        { label: LABELS.fieldType, value: field.type, kind: "choice" },
        ...localizedEntries(LABELS.nameIn, field.names),
        ...localizedEntries(LABELS.hintIn, field.hints),
        { label: LABELS.requiredField, value: yesNo(field.required), kind: "check" },
        { label: LABELS.editableField, value: yesNo(field.editable), kind: "check" },
      ],
    })),
    test: authorization.test ? [...requestSteps("authorization/test", authorization.test.request), errorsStep("authorization/test", authorization.test.errors)] : [],
  };
}

export interface ListPlan {
  list: ManifestList;
  steps: Step[];
}

export function listPlan(list: ManifestList): ListPlan {
  const prefix = `list:${list.code}`;
  const create: Step = {
    id: prefix,
    title: list.names,
    entries: [
      ...localizedEntries(LABELS.nameIn, list.names),
      { label: LABELS.listType, value: list.type === "static" ? WORDS.staticList : WORDS.dynamicList, kind: "choice" },
    ],
  };
  if (list.type === "static") {
    const items: Step = {
      id: `${prefix}/items`,
      title: SECTIONS.lists.items(list.items.length),
      entries: list.items.flatMap((item): Entry[] => [{ label: LABELS.itemKey, value: item.key, kind: "text" }, ...localizedEntries(LABELS.itemNameIn, item.names)]),
    };
    return { list, steps: [create, items] };
  }
  const response: Step = {
    id: `${prefix}/response`,
    title: SECTIONS.requests.response,
    entries: [
      { label: LABELS.contentType, value: "JSON", kind: "choice" },
      { label: LABELS.dataArrayReturn, value: WORDS.yes, kind: "check" },
      { label: LABELS.arrayPath, value: list.response.arrayPath, kind: "text" },
      { label: LABELS.keyMapping, value: list.response.key, kind: "text" },
      { label: LABELS.nameMapping, value: list.response.name, kind: "text" },
      { label: LABELS.pagingParameter, value: list.paging.parameter, kind: "text" },
      { label: LABELS.pagingNext, value: list.paging.next, kind: "text" },
    ],
    note: SECTIONS.lists.paging,
  };
  return { list, steps: [create, ...requestSteps(prefix, list.request), response, errorsStep(prefix, list.errors)] };
}

export interface ActionPlan {
  action: ManifestAction;
  create: Step;
  fields: Step[];
  /** The Request tab and its parameters, the Response tab, the Errors tab. */
  requests: Step[];
}

export function actionPlan(manifest: Manifest, action: ManifestAction): ActionPlan {
  const prefix = `action:${action.code}`;
  const listName = (code: string): Entry["value"] => manifest.lists.find((list) => list.code === code)?.names ?? code;
  const response: Step = {
    id: `${prefix}/response`,
    title: SECTIONS.requests.response,
    entries: [
      { label: LABELS.contentType, value: "JSON", kind: "choice" },
      ...action.responseFields.flatMap((row): Entry[] => [
        { label: LABELS.responseVariable, value: row.key, kind: "text" },
        { label: LABELS.responseField, value: row.field, kind: "choice" },
      ]),
    ],
  };
  return {
    action,
    create: {
      id: prefix,
      title: action.names,
      entries: [...localizedEntries(LABELS.nameIn, action.names), ...localizedEntries(LABELS.descriptionIn, action.descriptions)],
      ...(action.provisional ? { note: SECTIONS.actions.provisional } : {}),
    },
    fields: action.fields.map((field) => ({
      id: `${prefix}/field:${field.code}`,
      title: field.names,
      entries: [
        { label: LABELS.fieldCode, value: field.code, kind: "text" },
        ...localizedEntries(LABELS.nameIn, field.names),
        ...localizedEntries(LABELS.hintIn, field.hints),
        { label: LABELS.fieldType, value: field.type, kind: "choice" },
        ...(field.list !== undefined ? [{ label: LABELS.list, value: listName(field.list), kind: "choice" as const }] : []),
        { label: LABELS.editableField, value: yesNo(field.editable), kind: "check" },
        { label: LABELS.requiredField, value: yesNo(field.required), kind: "check" },
      ],
    })),
    requests: [...requestSteps(prefix, action.request), response, errorsStep(prefix, action.errors)],
  };
}

/** Every step of an action, in the order the App Integrator takes them. */
export function actionSteps(plan: ActionPlan): Step[] {
  return [plan.create, ...plan.fields, ...plan.requests];
}
