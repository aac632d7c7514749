/**
 * Rules for the authorization: its type or a field changed or removed, or a required field added
 * (existing connections lack the value), is breaking; an optional field added is safe; its labels are text.
 */
import type { Manifest } from "../../../model/manifest.js";
import type { Change } from "../change.js";
import { localizedChanges, quote } from "./text.js";

export function authorizationChanges(before: Manifest, after: Manifest): Change[] {
  const changes: Change[] = [];
  const breaking = (message: string): void => {
    changes.push({
      class: "authorization-changed",
      message,
      impact: "Existing connections no longer hold what the app asks for: users must edit or re-create every connection.",
    });
  };
  const a = before.authorization;
  const b = after.authorization;
  if (a.type !== b.type) breaking(`authorization type ${a.type} → ${b.type}`);
  const next = new Map(b.fields.map((field) => [field.code, field]));
  const previous = new Map(a.fields.map((field) => [field.code, field]));
  for (const field of a.fields) {
    const match = next.get(field.code);
    if (!match) breaking(`authorization field ${field.code} (${quote(field.names.en)}) removed`);
    else if (match.type !== field.type) breaking(`authorization field ${field.code} type ${field.type} → ${match.type}`);
    else if (match.required && !field.required) breaking(`authorization field ${field.code} made required`);
  }
  for (const field of b.fields) {
    if (previous.has(field.code)) continue;
    if (field.required) breaking(`required authorization field ${field.code} (${quote(field.names.en)}, ${field.type}) added`);
    else {
      changes.push({
        class: "authorization-field-added",
        message: `optional authorization field ${field.code} (${quote(field.names.en)}, ${field.type}) added`,
        impact: "New connections may fill it; existing connections are untouched.",
      });
    }
  }
  const labels = [
    ...localizedChanges(a.names, b.names).map((text) => `name ${text}`),
    ...a.fields.flatMap((field) => {
      const match = next.get(field.code);
      return match ? [...localizedChanges(field.names, match.names), ...localizedChanges(field.hints, match.hints)].map((text) => `field ${field.code} ${text}`) : [];
    }),
  ];
  if (labels.length > 0) {
    changes.push({ class: "app-label-changed", message: `authorization labels changed (${labels.join("; ")})`, impact: "Users see the new text in the connection form; connections are untouched." });
  }
  return changes;
}
