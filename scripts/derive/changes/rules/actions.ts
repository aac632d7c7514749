/**
 * Rules for actions: removed or added, their request and response handling, their fields (removed, added,
 * made required, code, type or list changed) and their labels. An action is the same entity when its code
 * is; a field is the same when its code is, or, when its code changed, when it fills the same body keys.
 */
import { parseTemplate } from "../../../load/template.js";
import type { ActionField, Manifest, ManifestAction } from "../../../model/manifest.js";
import type { Change } from "../change.js";
import { canonicalJson, localizedChanges, quote } from "./text.js";

export interface ActionPair {
  before: ManifestAction;
  after: ManifestAction;
}

export function pairActions(before: Manifest, after: Manifest): ActionPair[] {
  const next = new Map(after.actions.map((action) => [action.code, action]));
  return before.actions.flatMap((action) => {
    const match = next.get(action.code);
    return match ? [{ before: action, after: match }] : [];
  });
}

const title = (action: ManifestAction): string => `${action.code} (${quote(action.names.en)})`;

export function actionRemoved(before: Manifest, after: Manifest): Change[] {
  const codes = new Set(after.actions.map((action) => action.code));
  return before.actions
    .filter((action) => !codes.has(action.code))
    .map((action) => ({
      class: "action-removed",
      action: action.code,
      message: `action ${title(action)} removed`,
      impact: "Automations that already use it keep working with the old settings, but it can no longer be picked for new automations.",
    }));
}

export function actionAdded(before: Manifest, after: Manifest): Change[] {
  const codes = new Set(before.actions.map((action) => action.code));
  return after.actions
    .filter((action) => !codes.has(action.code))
    .map((action) => ({
      class: "action-added",
      action: action.code,
      message: `action ${title(action)} added (${action.request.source.method})`,
      impact: "Users can pick it in new automations; existing automations are untouched.",
    }));
}

/** The body keys a field's value goes to. */
function keysOf(action: ManifestAction, code: string): string[] {
  return action.request.parameters
    .filter((row) => {
      const template = parseTemplate(row.value);
      return !("error" in template) && template.kind === "field" && template.name === code;
    })
    .map((row) => row.key)
    .sort();
}

/** What a response field is filled from. */
function sourceOf(action: ManifestAction, code: string): string | undefined {
  return action.responseFields.find((row) => row.field === code)?.key;
}

export interface ActionFieldMatching {
  pairs: Array<{ before: ActionField; after: ActionField }>;
  removed: ActionField[];
  added: ActionField[];
}

export function matchActionFields({ before, after }: ActionPair): ActionFieldMatching {
  const matching: ActionFieldMatching = { pairs: [], removed: [], added: [] };
  const used = new Set<ActionField>();
  const unmatched: ActionField[] = [];
  for (const field of before.fields) {
    const match = after.fields.find((candidate) => candidate.code === field.code);
    if (match) {
      matching.pairs.push({ before: field, after: match });
      used.add(match);
    } else unmatched.push(field);
  }
  for (const field of unmatched) {
    // A field under a new code that fills the same keys (or reads the same response variable) is the same field.
    const identity = field.editable ? canonicalJson(keysOf(before, field.code)) : sourceOf(before, field.code);
    const match = after.fields.find(
      (candidate) =>
        !used.has(candidate) &&
        candidate.editable === field.editable &&
        identity !== undefined &&
        identity !== "[]" &&
        (candidate.editable ? canonicalJson(keysOf(after, candidate.code)) : sourceOf(after, candidate.code)) === identity,
    );
    if (match) {
      matching.pairs.push({ before: field, after: match });
      used.add(match);
    } else matching.removed.push(field);
  }
  matching.added = after.fields.filter((field) => !used.has(field));
  return matching;
}

export function actionFieldChanges(pair: ActionPair, matching: ActionFieldMatching): Change[] {
  const code = pair.after.code;
  const changes: Change[] = [];
  for (const field of matching.removed) {
    changes.push({
      class: "action-field-removed",
      action: code,
      field: field.code,
      message: `${field.editable ? "field" : "response field"} ${field.code} (${quote(field.names.en)}) removed`,
      impact: field.editable
        ? `Albato replaces the action in existing automations: the value mapped into ${quote(field.names.en)} is no longer sent.`
        : `Later steps that map ${quote(field.names.en)} get an empty value once Albato updates the action in existing automations.`,
    });
  }
  for (const field of matching.added) {
    if (field.editable && field.required) {
      changes.push({
        class: "action-field-required",
        action: code,
        field: field.code,
        message: `required field ${field.code} (${quote(field.names.en)}, ${field.type}) added`,
        impact: "Existing automations have no value for it: their step cannot run until a user fills it in.",
      });
    } else {
      changes.push({
        class: "action-field-added",
        action: code,
        field: field.code,
        message: `${field.editable ? "optional field" : "response field"} ${field.code} (${quote(field.names.en)}, ${field.type}) added`,
        impact: field.editable ? "Users can fill it after the update; existing automations send what they did." : "Users can map it in later steps after the update.",
      });
    }
  }
  for (const { before, after } of matching.pairs) {
    const field = after.code;
    if (before.code !== after.code) {
      changes.push({
        class: "action-field-code-changed",
        action: code,
        field,
        message: `field code ${before.code} → ${after.code} (same ${after.editable ? "body keys" : "response variable"}); restore the code in connector/field-codes.lock.json`,
        impact: `Automations refer to fields by code: the value mapped into (or from) ${quote(before.names.en)} is lost.`,
      });
    }
    if (before.type !== after.type) {
      changes.push({
        class: "action-field-type-changed",
        action: code,
        field,
        message: `field ${field} type ${before.type} → ${after.type}`,
        impact: `Values mapped into or from ${quote(after.names.en)} in existing automations are converted differently, or no longer fit.`,
      });
    }
    if ((before.list ?? null) !== (after.list ?? null)) {
      changes.push({
        class: "action-field-list-changed",
        action: code,
        field,
        message: `field ${field} list ${quote(before.list ?? null)} → ${quote(after.list ?? null)}`,
        impact: "The value picked in existing automations is a key of the old list; the step may send something the new list does not have.",
      });
    }
    if (after.editable && after.required && !before.required) {
      changes.push({
        class: "action-field-required",
        action: code,
        field,
        message: `field ${field} (${quote(after.names.en)}) made required`,
        impact: "Existing automations that leave it empty cannot run their step until a user fills it in.",
      });
    }
  }
  return changes;
}

/** The request as it concerns the fields on both sides: rows of removed or added fields are their own changes. */
function comparableRequest(action: ManifestAction, rename: ReadonlyMap<string, string>, skip: ReadonlySet<string>): string {
  const rows = action.request.parameters.flatMap((row) => {
    const template = parseTemplate(row.value);
    if ("error" in template || template.kind !== "field") return [row];
    if (skip.has(template.name)) return [];
    return [{ ...row, value: `{{${rename.get(template.name) ?? template.name}}}` }];
  });
  const { method, url, contentType, source } = action.request;
  return canonicalJson({ method, url, contentType, apiMethod: source.method, rows: [...rows].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)) });
}

export function actionRequestChanged(pair: ActionPair, matching: ActionFieldMatching): Change | undefined {
  const rename = new Map(matching.pairs.map(({ before, after }) => [after.code, before.code]));
  const before = comparableRequest(pair.before, new Map(), new Set(matching.removed.map((field) => field.code)));
  const after = comparableRequest(pair.after, rename, new Set(matching.added.map((field) => field.code)));
  if (before === after) return undefined;
  const method = pair.before.request.source.method !== pair.after.request.source.method ? ` (method ${pair.before.request.source.method} → ${pair.after.request.source.method})` : "";
  return {
    class: "action-request-changed",
    action: pair.after.code,
    message: `request changed${method}: ${before} → ${after}`,
    impact: "Albato replaces the request inside existing automations: they call Altcraft differently from the next run on.",
  };
}

export function actionResponseChanged(pair: ActionPair, matching: ActionFieldMatching): Change | undefined {
  const details: string[] = [];
  for (const { before, after } of matching.pairs) {
    if (before.editable || after.editable) continue;
    const from = sourceOf(pair.before, before.code);
    const to = sourceOf(pair.after, after.code);
    if (from !== to) details.push(`${after.code} reads ${to ?? "nothing"} (was ${from ?? "nothing"})`);
  }
  if (canonicalJson(pair.before.errors) !== canonicalJson(pair.after.errors)) details.push("the error rules changed");
  if (details.length === 0) return undefined;
  return {
    class: "action-response-changed",
    action: pair.after.code,
    message: `response handling changed: ${details.join("; ")}`,
    impact: "Existing automations read Altcraft's answer differently: mapped values may come out empty, or failures pass as successes (or the reverse).",
  };
}

export function actionLabelChanged(pair: ActionPair, matching: ActionFieldMatching): Change[] {
  const details = [
    ...localizedChanges(pair.before.names, pair.after.names).map((text) => `name ${text}`),
    ...localizedChanges(pair.before.descriptions, pair.after.descriptions).map((text) => `description ${text}`),
  ];
  for (const { before, after } of matching.pairs) {
    details.push(...localizedChanges(before.names, after.names).map((text) => `field ${after.code} name ${text}`));
    details.push(...localizedChanges(before.hints, after.hints).map((text) => `field ${after.code} hint ${text}`));
  }
  if (details.length === 0) return [];
  return [
    {
      class: "action-label-changed",
      action: pair.after.code,
      message: `labels changed (${details.join("; ")})`,
      impact: "Users see the new text in the action picker and step form; automations are untouched.",
    },
  ];
}
