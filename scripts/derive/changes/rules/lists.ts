/**
 * Rules for lists: removed or added, changed (type, request, response mapping, or static items removed:
 * Albato cannot change a list once created, and the keys existing automations picked may be gone), items
 * added, and labels.
 */
import type { Manifest, ManifestList } from "../../../model/manifest.js";
import type { Change } from "../change.js";
import { canonicalJson, localizedChanges, quote } from "./text.js";

function pairs(before: Manifest, after: Manifest): Array<{ before: ManifestList; after: ManifestList }> {
  const next = new Map(after.lists.map((list) => [list.code, list]));
  return before.lists.flatMap((list) => (next.has(list.code) ? [{ before: list, after: next.get(list.code)! }] : []));
}

export function listRemoved(before: Manifest, after: Manifest): Change[] {
  const codes = new Set(after.lists.map((list) => list.code));
  return before.lists
    .filter((list) => !codes.has(list.code))
    .map((list) => ({
      class: "list-removed",
      list: list.code,
      message: `${list.type} list ${list.code} (${quote(list.names.en)}) removed`,
      impact: "Fields of existing automations that picked from it keep their values but can no longer be changed from a list.",
    }));
}

export function listAdded(before: Manifest, after: Manifest): Change[] {
  const codes = new Set(before.lists.map((list) => list.code));
  return after.lists
    .filter((list) => !codes.has(list.code))
    .map((list) => ({
      class: "list-added",
      list: list.code,
      message: `${list.type} list ${list.code} (${quote(list.names.en)}) added`,
      impact: list.type === "dynamic" ? "Albato fetches it when a connection is created or updated." : "Fields can pick from it; nothing existing changes.",
    }));
}

/** What makes a list's values what they are: its type, request and mapping. */
function mechanics(list: ManifestList): string {
  return list.type === "static" ? canonicalJson({ type: list.type }) : canonicalJson({ type: list.type, request: list.request, response: list.response, paging: list.paging, errors: list.errors });
}

export function listChanges(before: Manifest, after: Manifest): Change[] {
  const changes: Change[] = [];
  for (const pair of pairs(before, after)) {
    const code = pair.after.code;
    const details: string[] = [];
    if (mechanics(pair.before) !== mechanics(pair.after)) details.push(`${mechanics(pair.before)} → ${mechanics(pair.after)}`);
    const beforeItems = pair.before.type === "static" ? pair.before.items : [];
    const afterItems = pair.after.type === "static" ? pair.after.items : [];
    const afterKeys = new Set(afterItems.map((item) => item.key));
    const beforeKeys = new Set(beforeItems.map((item) => item.key));
    const gone = beforeItems.filter((item) => !afterKeys.has(item.key)).map((item) => item.key);
    if (gone.length > 0 && pair.after.type === "static") details.push(`items removed: ${gone.join(", ")}`);
    if (details.length > 0) {
      changes.push({
        class: "list-changed",
        list: code,
        message: `list ${code} changed: ${details.join("; ")}`,
        impact: "Albato cannot change a list once created: create a new list instead. Keys existing automations picked may no longer exist.",
      });
    }
    const added = afterItems.filter((item) => !beforeKeys.has(item.key)).map((item) => item.key);
    if (added.length > 0 && pair.before.type === "static") {
      changes.push({
        class: "list-items-added",
        list: code,
        message: `list ${code} items added: ${added.join(", ")}`,
        impact: "Users can pick the new items; existing choices are untouched (Albato cannot edit a created list: create a new one).",
      });
    }
    const labels = [
      ...localizedChanges(pair.before.names, pair.after.names).map((text) => `name ${text}`),
      ...beforeItems.flatMap((item) => {
        const next = afterItems.find((candidate) => candidate.key === item.key);
        return next ? localizedChanges(item.names, next.names).map((text) => `item ${item.key} ${text}`) : [];
      }),
    ];
    if (labels.length > 0) {
      changes.push({
        class: "list-label-changed",
        list: code,
        message: `labels changed (${labels.join("; ")})`,
        impact: "Users see the new names; the keys sent are the same.",
      });
    }
  }
  return changes;
}
