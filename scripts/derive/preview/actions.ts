/**
 * The preview's data for the action picker: the actions by group (action-groups.ts), each with its input
 * fields, its response fields (what it gives later steps), the Altcraft API method it calls and the codes
 * of the lists its fields pick from; and those lists, once each, with a static list's items. A manifest
 * from before actions (an older release) has neither, and gives empty arrays.
 */
import type { ActionField, AlbatoFieldType, Localized, Manifest, ManifestList } from "../../model/manifest.js";
import { ACTION_GROUPS, actionGroupOf } from "./action-groups.js";
import { actionSearchText } from "./search-text.js";

export interface PreviewActionInput {
  code: string;
  names: Localized;
  hints: Localized;
  type: AlbatoFieldType;
  required: boolean;
  /** The code of the list the value is picked from, or null. */
  list: string | null;
}

export interface PreviewActionOutput {
  code: string;
  names: Localized;
  type: AlbatoFieldType;
  /** The response variable that fills it (the Response tab's key, `data.profile_id`), or null when none does. */
  key: string | null;
}

/** An Altcraft API call: the method's id in scripts/api-methods.ts, the HTTP method and the URL path. */
export interface PreviewApiCall {
  method: string;
  verb: string;
  path: string;
}

export interface PreviewAction {
  code: string;
  names: Localized;
  descriptions: Localized;
  provisional: boolean;
  /** What the page's search looks through (search-text.ts). */
  search: string;
  api: PreviewApiCall;
  inputs: PreviewActionInput[];
  outputs: PreviewActionOutput[];
  /** The lists the inputs pick from, in the order the inputs first use them. */
  lists: string[];
}

export interface PreviewActionGroup {
  code: string;
  names: Localized;
  actions: PreviewAction[];
}

export interface PreviewList {
  code: string;
  names: Localized;
  type: "static" | "dynamic";
  provisional: boolean;
  /** A static list's items, in the manifest's order; empty for a dynamic list. */
  items: Array<{ key: string; names: Localized }>;
  /** Where a dynamic list's items come from; null for a static list. */
  api: PreviewApiCall | null;
}

/** The URL's path: `https://{{connection.host}}/api/v1.1/profiles/import` → `/api/v1.1/profiles/import`. */
export function urlPath(url: string): string {
  return url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, "") || "/";
}

function apiCall(request: { method: string; url: string; source: { method: string } }): PreviewApiCall {
  return { method: request.source.method, verb: request.method, path: urlPath(request.url) };
}

function input(field: ActionField): PreviewActionInput {
  return { code: field.code, names: field.names, hints: field.hints, type: field.type, required: field.required, list: field.list ?? null };
}

function previewAction(action: Manifest["actions"][number], actions: Manifest["actions"]): PreviewAction {
  const keyOf = new Map(action.responseFields.map((row) => [row.field, row.key]));
  const inputs = action.fields.filter((field) => field.editable).map(input);
  return {
    code: action.code,
    names: action.names,
    descriptions: action.descriptions,
    provisional: action.provisional,
    search: actionSearchText(action, actions),
    api: apiCall(action.request),
    inputs,
    outputs: action.fields
      .filter((field) => !field.editable)
      .map((field) => ({ code: field.code, names: field.names, type: field.type, key: keyOf.get(field.code) ?? null })),
    lists: [...new Set(inputs.flatMap((field) => (field.list === null ? [] : [field.list])))],
  };
}

function previewList(list: ManifestList): PreviewList {
  if (list.type === "static") {
    return { code: list.code, names: list.names, type: "static", provisional: false, items: list.items.map((item) => ({ key: item.key, names: item.names })), api: null };
  }
  return { code: list.code, names: list.names, type: "dynamic", provisional: list.provisional, items: [], api: apiCall(list.request) };
}

/** The action picker's groups (in ACTION_GROUPS order, empty ones left out, actions in the manifest's order) and the lists they use. */
export function previewActions(manifest: Pick<Manifest, "actions" | "lists">): { actionGroups: PreviewActionGroup[]; lists: PreviewList[] } {
  const actions = manifest.actions ?? [];
  const groups = ACTION_GROUPS.map((rule): PreviewActionGroup => ({ code: rule.code, names: rule.names, actions: [] }));
  for (const action of actions) groups.find((group) => group.code === actionGroupOf(action.request.source.method).code)!.actions.push(previewAction(action, actions));
  const used = new Set(groups.flatMap((group) => group.actions.flatMap((action) => action.lists)));
  return {
    actionGroups: groups.filter((group) => group.actions.length > 0),
    // Only the lists an action uses; in the manifest's order.
    lists: (manifest.lists ?? []).filter((list) => used.has(list.code)).map(previewList),
  };
}
