/**
 * Compare two sides and classify every change from the Albato user's side. Each rule is a small named
 * function under `rules/`; this file only runs them in order and sorts what they find.
 */
import type { Side } from "../../load/release/side.js";
import type { Manifest } from "../../model/manifest.js";
import { CHANGE_CLASSES, severityOf, type Change, type ChangeClass } from "./change.js";
import { appLabelChanged, connectionFieldAdded, connectionFieldChanged, connectionFieldRemoved } from "./rules/app.js";
import {
  fieldAdded,
  fieldCodeChanged,
  fieldLabelChanged,
  fieldPathChanged,
  fieldRemoved,
  fieldsReordered,
  fieldTypeChanged,
  fieldTypeWidened,
  matchFields,
} from "./rules/fields.js";
import { actionAdded, actionFieldChanges, actionLabelChanged, actionRemoved, actionRequestChanged, actionResponseChanged, matchActionFields, pairActions } from "./rules/actions.js";
import { authorizationChanges } from "./rules/authorization.js";
import { listAdded, listChanges, listRemoved } from "./rules/lists.js";
import { payloadRejected } from "./rules/payloads.js";
import {
  eventTypeChanged,
  eventTypeConfirmed,
  filterChanged,
  groupChanged,
  pairTriggers,
  responseChanged,
  triggerAdded,
  triggerLabelChanged,
  triggerRemoved,
} from "./rules/triggers.js";
import { sideValidator } from "./sample-validator.js";
import { parseVersion, recommendBump, type RecommendedBump } from "./semver.js";

export interface DiffReport {
  old: { source: string; version: string };
  new: { source: string; version: string };
  breaking: Change[];
  safe: Change[];
  recommendedBump: RecommendedBump;
  /** What could not be compared (e.g. payloads, when a side is a bare manifest). */
  notes: string[];
}

function defined<T>(value: T | undefined): value is T {
  return value !== undefined;
}

/** Every change between two manifests (payloads aside). */
export function manifestChanges(before: Manifest, after: Manifest): Change[] {
  const changes: Change[] = [
    ...appLabelChanged(before, after),
    ...connectionFieldRemoved(before, after),
    ...connectionFieldChanged(before, after),
    ...connectionFieldAdded(before, after),
    ...triggerRemoved(before, after),
    ...triggerAdded(before, after),
  ];
  for (const pair of pairTriggers(before, after)) {
    changes.push(
      ...[eventTypeChanged, filterChanged, responseChanged, groupChanged, eventTypeConfirmed].map((rule) => rule(pair)).filter(defined),
      ...triggerLabelChanged(pair),
    );
    const fields = matchFields(pair.before, pair.after);
    changes.push(...fields.removed.map((field) => fieldRemoved(pair.after, field)));
    changes.push(...fields.moved.map(fieldPathChanged));
    changes.push(...fields.added.map((field) => fieldAdded(pair.after, field)));
    changes.push(...[fieldsReordered(pair.before, pair.after, fields)].filter(defined));
    for (const fieldPair of [...fields.samePath, ...fields.moved]) {
      changes.push(
        ...[fieldCodeChanged, fieldTypeChanged, fieldTypeWidened, fieldLabelChanged]
          .map((rule) => rule(fieldPair))
          .filter(defined),
      );
    }
  }
  changes.push(...authorizationChanges(before, after), ...listRemoved(before, after), ...listAdded(before, after), ...listChanges(before, after));
  changes.push(...actionRemoved(before, after), ...actionAdded(before, after));
  for (const pair of pairActions(before, after)) {
    const fields = matchActionFields(pair);
    changes.push(...[actionRequestChanged(pair, fields), actionResponseChanged(pair, fields)].filter(defined));
    changes.push(...actionFieldChanges(pair, fields), ...actionLabelChanged(pair, fields));
  }
  return changes;
}

/** The entity a change belongs to, for grouping: app-level ones first, then lists, triggers, actions. */
export function changeEntity(change: Change): string {
  if (change.list !== undefined) return `1 ${change.list}`;
  if (change.trigger !== undefined) return `2 ${change.trigger}`;
  if (change.action !== undefined) return `3 ${change.action}`;
  return "";
}

const CLASS_ORDER = new Map((Object.keys(CHANGE_CLASSES) as ChangeClass[]).map((name, index) => [name, index]));

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** App-level changes first, then by list, trigger and action code, class, field and message: stable for the same input. */
export function sortChanges(changes: Change[]): Change[] {
  return [...changes].sort(
    (a, b) =>
      compareText(changeEntity(a), changeEntity(b)) ||
      CLASS_ORDER.get(a.class)! - CLASS_ORDER.get(b.class)! ||
      compareText(a.field ?? "", b.field ?? "") ||
      compareText(a.message, b.message),
  );
}

function payloadNotes(before: Side, after: Side): string[] {
  const notes: string[] = [];
  if (before.samples.size === 0) notes.push(`payload shapes not compared: ${before.label} carries no samples`);
  if (after.documents.size === 0) notes.push(`payload shapes not compared: ${after.label} carries no schemas`);
  return notes;
}

export function diffSides(before: Side, after: Side): DiffReport {
  const changes = manifestChanges(before.manifest, after.manifest);
  const notes = payloadNotes(before, after);
  if (notes.length === 0) {
    changes.push(...payloadRejected(before, after, { before: sideValidator(before), after: sideValidator(after) }));
  }
  const sorted = sortChanges(changes);
  const oldVersion = parseVersion(before.manifest.app.version, { file: before.label, pointer: "/app/version" });
  return {
    old: { source: before.label, version: before.manifest.app.version },
    new: { source: after.label, version: after.manifest.app.version },
    breaking: sorted.filter((change) => severityOf(change) === "breaking"),
    safe: sorted.filter((change) => severityOf(change) === "safe"),
    recommendedBump: recommendBump(sorted, oldVersion),
    notes,
  };
}
