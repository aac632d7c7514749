/** Rules for the app card, the groups and the connection fields. */
import type { Manifest } from "../../../model/manifest.js";
import type { Change } from "../change.js";
import { localizedChanges, quote } from "./text.js";

function byCode<T extends { code: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.code, item]));
}

/** App name and description, links and logo, group names, connection field names and hints. */
export function appLabelChanged(before: Manifest, after: Manifest): Change[] {
  const changes: Change[] = [];
  const add = (what: string, details: string[], connection?: string): void => {
    if (details.length === 0) return;
    changes.push({
      class: "app-label-changed",
      ...(connection !== undefined ? { connection } : {}),
      message: `${what} changed (${details.join("; ")})`,
      impact: "Users see the new text in the app card, picker or connection form; automations are untouched.",
    });
  };
  add("app name", localizedChanges(before.app.names, after.app.names));
  add("app description", localizedChanges(before.app.descriptions, after.app.descriptions));
  for (const key of ["website", "docsUrl", "logo"] as const) {
    if (before.app[key] !== after.app[key]) add(`app ${key}`, [`${quote(before.app[key])} → ${quote(after.app[key])}`]);
  }
  const groups = byCode(after.groups);
  for (const group of before.groups) {
    const next = groups.get(group.code);
    if (next) add(`group ${group.code} name`, localizedChanges(group.names, next.names));
  }
  const fields = byCode(after.connectionFields);
  for (const field of before.connectionFields) {
    const next = fields.get(field.code);
    if (!next) continue;
    add(`connection field ${field.code} name`, localizedChanges(field.names, next.names), field.code);
    add(`connection field ${field.code} hint`, localizedChanges(field.hints, next.hints), field.code);
  }
  return changes;
}

export function connectionFieldRemoved(before: Manifest, after: Manifest): Change[] {
  const codes = byCode(after.connectionFields);
  return before.connectionFields
    .filter((field) => !codes.has(field.code))
    .map((field): Change => ({
      class: "connection-field-removed",
      connection: field.code,
      message: `connection field ${field.code} (${quote(field.names.en)}, ${field.type}) removed`,
      impact:
        field.type === "Webhook"
          ? "Existing connections lose their webhook URL: Altcraft keeps posting to an address Albato no longer serves."
          : "Existing connections lose this value; automations that relied on it may fail.",
    }));
}

/** A connection field whose kind changed (e.g. Webhook → string): what existing connections hold no longer fits. */
export function connectionFieldChanged(before: Manifest, after: Manifest): Change[] {
  const codes = byCode(after.connectionFields);
  return before.connectionFields.flatMap((field): Change[] => {
    const next = codes.get(field.code);
    if (!next || next.type === field.type) return [];
    return [
      {
        class: "connection-field-changed",
        connection: field.code,
        message: `connection field ${field.code} type ${field.type} → ${next.type}`,
        impact:
          field.type === "Webhook"
            ? "Existing connections lose their webhook URL; users must reconnect and paste a new URL into Altcraft."
            : "Existing connections hold a value of the old kind; users must edit every connection.",
      },
    ];
  });
}

export function connectionFieldAdded(before: Manifest, after: Manifest): Change[] {
  const codes = byCode(before.connectionFields);
  return after.connectionFields
    .filter((field) => !codes.has(field.code))
    .map((field): Change => ({
      class: "connection-field-added",
      connection: field.code,
      message: `connection field ${field.code} (${quote(field.names.en)}, ${field.type}) added`,
      impact: field.requiredWhenEditing
        ? "New connections ask for it; existing connections ask for it when next edited."
        : "New connections may fill it; existing connections are untouched.",
    }));
}
