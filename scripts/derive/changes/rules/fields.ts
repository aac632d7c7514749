/** Rules for the output fields of a trigger that exists on both sides. */
import type { ManifestField, ManifestTrigger } from "../../../model/manifest.js";
import type { Change } from "../change.js";
import { compareFieldTypes } from "../type-compat.js";
import { canonicalJson, localizedChanges, quote } from "./text.js";

export interface FieldPair {
  trigger: ManifestTrigger;
  before: ManifestField;
  after: ManifestField;
}

export interface FieldMatching {
  /** Same path on both sides. */
  samePath: FieldPair[];
  /** Same code, different path (the value now comes from elsewhere in the payload). */
  moved: FieldPair[];
  removed: ManifestField[];
  added: ManifestField[];
}

/**
 * Fields are the same when their mapping path is the same (the lock file keeps path → code); an old
 * field whose path is gone but whose code lives on under another path has moved.
 */
export function matchFields(before: ManifestTrigger, after: ManifestTrigger): FieldMatching {
  const byPath = new Map(after.fields.map((field) => [field.path, field]));
  const matching: FieldMatching = { samePath: [], moved: [], removed: [], added: [] };
  const used = new Set<ManifestField>();
  const unmatched: ManifestField[] = [];
  for (const field of before.fields) {
    const match = byPath.get(field.path);
    if (match) {
      matching.samePath.push({ trigger: after, before: field, after: match });
      used.add(match);
    } else unmatched.push(field);
  }
  for (const field of unmatched) {
    const match = after.fields.find((candidate) => !used.has(candidate) && candidate.code === field.code);
    if (match) {
      matching.moved.push({ trigger: after, before: field, after: match });
      used.add(match);
    } else matching.removed.push(field);
  }
  matching.added = after.fields.filter((field) => !used.has(field));
  return matching;
}

export function fieldRemoved(trigger: ManifestTrigger, field: ManifestField): Change {
  return {
    class: "field-removed",
    trigger: trigger.code,
    field: field.path,
    message: `field ${field.code} (${quote(field.names.en)}, ${field.path}) removed`,
    impact: `Later steps that map ${quote(field.names.en)} get an empty value once Albato updates the trigger in existing automations.`,
  };
}

export function fieldAdded(trigger: ManifestTrigger, field: ManifestField): Change {
  return {
    class: "field-added",
    trigger: trigger.code,
    field: field.path,
    message: `field ${field.code} (${quote(field.names.en)}, ${field.type}) added`,
    impact: "Users can map it after the update; existing mappings are untouched.",
  };
}

export function fieldCodeChanged({ trigger, before, after }: FieldPair): Change | undefined {
  if (before.code === after.code) return undefined;
  return {
    class: "field-code-changed",
    trigger: trigger.code,
    field: after.path,
    message: `field code ${before.code} → ${after.code} (same path); restore the code in connector/field-codes.lock.json`,
    impact: `Automations refer to fields by code: steps that map ${quote(before.names.en)} lose the value.`,
  };
}

export function fieldPathChanged({ trigger, before, after }: FieldPair): Change {
  return {
    class: "field-path-changed",
    trigger: trigger.code,
    field: before.path,
    message: `field ${after.code} now reads ${after.path} (was ${before.path})`,
    impact:
      `Existing mappings of ${quote(before.names.en)} keep the code but get the value from another place in ` +
      "the payload, or nothing when Altcraft still sends the old one.",
  };
}

export function fieldTypeChanged({ trigger, before, after }: FieldPair): Change | undefined {
  if (compareFieldTypes(before.type, after.type) === "incompatible") {
    return {
      class: "field-type-changed",
      trigger: trigger.code,
      field: after.path,
      message: `field ${after.code} type ${before.type} → ${after.type} (not a widening)`,
      impact:
        `Steps that map ${quote(after.names.en)} expect a ${before.type}; they may fail or receive an empty ` +
        "or differently formatted value.",
    };
  }
  const formats = [before.dateTimeFormat, after.dateTimeFormat].map((format) => canonicalJson(format ?? null));
  if (before.type === after.type && formats[0] !== formats[1]) {
    return {
      class: "field-type-changed",
      trigger: trigger.code,
      field: after.path,
      message: `field ${after.code} date-time format ${formats[0]} → ${formats[1]}`,
      impact: `Albato parses ${quote(after.names.en)} with another format inside existing automations; dates may come out wrong or empty.`,
    };
  }
  return undefined;
}

export function fieldTypeWidened({ trigger, before, after }: FieldPair): Change | undefined {
  if (compareFieldTypes(before.type, after.type) !== "widened") return undefined;
  return {
    class: "field-type-widened",
    trigger: trigger.code,
    field: after.path,
    message: `field ${after.code} type ${before.type} → ${after.type} (widened)`,
    impact: `Existing mappings of ${quote(after.names.en)} keep working; values arrive as ${after.type}.`,
  };
}

export function fieldLabelChanged({ trigger, before, after }: FieldPair): Change | undefined {
  const changes = localizedChanges(before.names, after.names);
  if (changes.length === 0) return undefined;
  return {
    class: "field-label-changed",
    trigger: trigger.code,
    field: after.path,
    message: `field ${after.code} label changed (${changes.join("; ")})`,
    impact: "Albato shows the new label inside existing automations; mappings keep working (they use the code).",
  };
}

/**
 * The fields both sides have, in another order: users see them in the new order where they map fields
 * (the App Integrator's Sorting tab holds it). Added and removed fields are their own changes.
 */
export function fieldsReordered(before: ManifestTrigger, after: ManifestTrigger, matching: FieldMatching): Change | undefined {
  const pairs = [...matching.samePath, ...matching.moved];
  const codeAfter = new Map(pairs.map((pair) => [pair.before, pair.after.code]));
  const kept = new Set(pairs.map((pair) => pair.after));
  const beforeOrder = before.fields.filter((field) => codeAfter.has(field)).map((field) => codeAfter.get(field)!);
  const afterOrder = after.fields.filter((field) => kept.has(field)).map((field) => field.code);
  if (afterOrder.join(" ") === beforeOrder.join(" ")) return undefined;
  return {
    class: "fields-reordered",
    trigger: after.code,
    message: `fields in a new order: ${afterOrder.join(", ")}`,
    impact: "Users see the trigger's fields in the new order where they map them; mappings keep working.",
  };
}
